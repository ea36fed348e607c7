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

/// <summary>
/// Append-only record of every grade, with the card state before and after it. An undone grade (<c>/undo</c>) keeps its row,
/// marked <see cref="UndoneAt"/>: it no longer counts anywhere (statistics, streaks, the daily question), and the card can be
/// graded again at the same state version.
/// </summary>
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

    // The rest of the state before the grade, so that an undo puts it back exactly. Null on rows recorded before undo existed.
    public int? PreviousLapses { get; set; }

    public DateTimeOffset? PreviousScheduledDue { get; set; }

    public bool? PreviousInRedrill { get; set; }

    public DateTimeOffset? PreviousLastReviewedAt { get; set; }

    /// <summary>The card's FSRS stability before the grade (an undo puts it back); null for a new card.</summary>
    public double? PreviousStability { get; set; }

    /// <summary>The card's FSRS difficulty before the grade; null for a new card.</summary>
    public double? PreviousDifficulty { get; set; }

    /// <summary>The learner's study day the grade was counted on (in their zone at the time); an undo takes the count back there.</summary>
    public DateOnly? StudyDay { get; set; }

    /// <summary>When the learner took the grade back; null while it counts.</summary>
    public DateTimeOffset? UndoneAt { get; set; }

    /// <summary>
    /// Multiple choice: the options chosen, by their place in the card file (0 = first written), comma-separated in
    /// ascending order (<c>2</c>, or <c>0,3</c> on a card with several right answers); null for other answers.
    /// </summary>
    public string? ChosenOptions { get; set; }
}
