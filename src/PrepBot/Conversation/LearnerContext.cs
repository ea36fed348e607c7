using PrepBot.Data;

namespace PrepBot.Conversation;

/// <summary>The learner behind an input, with their time zone resolved.</summary>
public sealed record LearnerContext(Learner Learner, TimeZoneInfo Zone)
{
    public long Id => Learner.Id;

    /// <summary>The week 1 of the server's cohort (<c>/setup cohort</c>) where the input came from; <c>/plan</c> follows it when the learner set no start of their own.</summary>
    public DateOnly? CohortStart { get; init; }

    /// <summary>
    /// Enrolled by this very interaction: nothing about the learner is stored yet but the learner row (and the server's
    /// roster), so no settings, interview, card states, holds or grades to read — the reads of a first <c>/quiz</c> are skipped
    /// (a class of 200 new learners pressing it at once costs five queries less each).
    /// </summary>
    public bool Enrolled { get; init; }
}
