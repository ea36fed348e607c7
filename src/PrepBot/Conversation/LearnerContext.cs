using PrepBot.Data;

namespace PrepBot.Conversation;

/// <summary>The learner behind an input, with their time zone resolved.</summary>
public sealed record LearnerContext(Learner Learner, TimeZoneInfo Zone)
{
    public long Id => Learner.Id;

    /// <summary>The week 1 of the server's cohort (<c>/setup cohort</c>) where the input came from; <c>/plan</c> follows it when the learner set no start of their own.</summary>
    public DateOnly? CohortStart { get; init; }
}
