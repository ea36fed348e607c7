namespace PrepBot.Data;

public enum CardHoldKind
{
    /// <summary>"Not now" on a new card: not served before <see cref="CardHold.Until"/> (the learner's next study day).</summary>
    Skipped = 0,

    /// <summary>Suspended: never served and not counted as due until the learner resumes it.</summary>
    Suspended = 1,
}

/// <summary>A card one learner has put aside: skipped for today, or suspended until resumed. At most one per learner and card.</summary>
public sealed class CardHold
{
    public long LearnerId { get; set; }

    public required string CardId { get; set; }

    public CardHoldKind Kind { get; set; }

    /// <summary>Skipped: when the card may be served again. Suspended: null (until resumed).</summary>
    public DateTimeOffset? Until { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
