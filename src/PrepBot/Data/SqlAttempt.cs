namespace PrepBot.Data;

public enum SqlAttemptOutcome
{
    /// <summary>The learner opened the query form (the clock for "answered fast" starts at the first one).</summary>
    Opened = 0,

    /// <summary>The query returned the reference's result.</summary>
    Accepted = 1,

    /// <summary>The query ran but returned a different result.</summary>
    Rejected = 2,

    /// <summary>The sandbox refused the query (not a single SELECT, too long, too slow, too many rows).</summary>
    Refused = 3,

    /// <summary>SQLite reported an error (syntax, unknown column, ...).</summary>
    Failed = 4,

    /// <summary>The learner gave up and was shown the answer.</summary>
    GaveUp = 5,
}

/// <summary>
/// One step of a learner answering a SQL card: each submitted query with its verdict, plus the form
/// openings and give-ups, so retries are counted across restarts. Append-only.
/// </summary>
public sealed class SqlAttempt
{
    public long Id { get; set; }

    public long LearnerId { get; set; }

    public required string CardId { get; set; }

    /// <summary>The card state version the question was asked at: attempts of one review share it.</summary>
    public int StateVersion { get; set; }

    public SqlAttemptOutcome Outcome { get; set; }

    /// <summary>The submitted query; empty for <see cref="SqlAttemptOutcome.Opened"/> and <see cref="SqlAttemptOutcome.GaveUp"/>.</summary>
    public string Query { get; set; } = string.Empty;

    public bool HintUsed { get; set; }

    public DateTimeOffset At { get; set; }
}
