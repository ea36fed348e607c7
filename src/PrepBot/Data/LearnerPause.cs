namespace PrepBot.Data;

/// <summary>
/// A stretch of days a learner is away (<c>/me pause days:</c>): reviews falling due then are not counted overdue,
/// no reminder goes out, and the streak is frozen rather than broken. Days are the learner's local calendar days.
/// </summary>
public sealed class LearnerPause
{
    public long Id { get; set; }

    public long LearnerId { get; set; }

    /// <summary>The first local day of the pause.</summary>
    public DateOnly FirstDay { get; set; }

    /// <summary>The last local day of the pause (inclusive); ending a pause early sets it to the day before.</summary>
    public DateOnly LastDay { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The cards this pause moved out (their due dates shifted by its length), so ending it early moves exactly those
    /// back; comma-separated card ids, null when none moved or the pause has ended.
    /// </summary>
    public string? ShiftedCardIds { get; set; }
}
