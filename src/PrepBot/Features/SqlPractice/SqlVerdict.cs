namespace PrepBot.Features.SqlPractice;

public enum SqlVerdictKind
{
    /// <summary>The query returns the reference's result.</summary>
    Accepted,

    /// <summary>The query ran and returns something else.</summary>
    Rejected,

    /// <summary>The sandbox would not run the query, or stopped it at a limit.</summary>
    Refused,

    /// <summary>SQLite reported an error in the query.</summary>
    Failed,

    /// <summary>The card cannot be graded: its dataset or reference query is broken (the authors' problem, not the learner's).</summary>
    Unavailable,
}

/// <summary>The outcome of grading one query, with the learner-facing feedback in Markdown.</summary>
/// <param name="Kind">Accepted, rejected, refused, failed or unavailable.</param>
/// <param name="Feedback">What the learner is told: accepted, or exactly what differs; never the whole reference result.</param>
/// <param name="Difference">For a rejected query, how its result differs.</param>
/// <param name="Reference">The reference result, when the reference ran (shown only once the learner gives up).</param>
public sealed record SqlVerdict(SqlVerdictKind Kind, string Feedback, ResultDifference? Difference = null, QueryResult? Reference = null)
{
    public bool IsAccepted => Kind == SqlVerdictKind.Accepted;
}
