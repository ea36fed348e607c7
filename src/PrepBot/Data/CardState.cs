namespace PrepBot.Data;

/// <summary>What one learner remembers of one card: its SM-2 state and when it is next shown.</summary>
public sealed class CardState
{
    public long LearnerId { get; set; }

    public required string CardId { get; set; }

    public double EasinessFactor { get; set; }

    public int IntervalDays { get; set; }

    public int Repetitions { get; set; }

    /// <summary>Times the card was failed (graded below 3) on a scheduled review.</summary>
    public int Lapses { get; set; }

    /// <summary>When the card is next shown: the SM-2 date, or sooner while it is being re-drilled.</summary>
    public DateTimeOffset Due { get; set; }

    /// <summary>The date SM-2 scheduled; equals <see cref="Due"/> unless <see cref="InRedrill"/>.</summary>
    public DateTimeOffset ScheduledDue { get; set; }

    /// <summary>Graded below 4: shown again the same day until answered 4 or better, without counting repetitions.</summary>
    public bool InRedrill { get; set; }

    /// <summary>Grades recorded so far. A grade names the version it answers; an old version is a duplicate.</summary>
    public int Version { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastReviewedAt { get; set; }

    /// <summary>
    /// FSRS-6 stability after the last grade (days until recall falls to 90%), kept for every learner whichever scheduler
    /// runs, so recall can be predicted; null only until the start-up replay of the review log has computed it.
    /// </summary>
    public double? Stability { get; set; }

    /// <summary>FSRS-6 difficulty after the last grade, 1 (easy) to 10 (hard); null as <see cref="Stability"/>.</summary>
    public double? Difficulty { get; set; }
}
