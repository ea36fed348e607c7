namespace PrepBot.Data;

public enum ReviewKind
{
    /// <summary>The first grade of a card the learner had never seen.</summary>
    New = 0,

    /// <summary>A grade that SM-2 counts.</summary>
    Scheduled = 1,

    /// <summary>A same-day repeat of a card graded below 4: logged, not counted by SM-2.</summary>
    Redrill = 2,
}

/// <summary>Append-only record of every grade, with the card state before and after it.</summary>
public sealed class ReviewLog
{
    public long Id { get; set; }

    public long LearnerId { get; set; }

    public required string CardId { get; set; }

    /// <summary>The card state version this grade answered; unique per learner and card, so a grade is never counted twice.</summary>
    public int StateVersion { get; set; }

    /// <summary>SM-2 grade 0–5.</summary>
    public int Quality { get; set; }

    public ReviewKind Kind { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public double PreviousEasinessFactor { get; set; }

    public int PreviousIntervalDays { get; set; }

    public int PreviousRepetitions { get; set; }

    public DateTimeOffset? PreviousDue { get; set; }

    public double NextEasinessFactor { get; set; }

    public int NextIntervalDays { get; set; }

    public int NextRepetitions { get; set; }

    public DateTimeOffset NextDue { get; set; }
}
