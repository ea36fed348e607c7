namespace PrepBot.Features.Interview;

/// <summary>
/// Today's new cards with an interview ahead: the cards of the plan not yet seen (counted at the start of today's study day)
/// spread evenly over the days until a week before the interview, so the whole plan is seen by then —
/// ⌈unseen ÷ (days left − 7)⌉ a day, every unseen card at once when the interview is a week away or nearer — and never more
/// than the learner's own <c>/me cap new:</c>.
/// </summary>
/// <param name="DaysLeft">Days from today to the interview (1 or more).</param>
/// <param name="Unseen">Cards of the plan (the deck's cards that can be served) not seen at the start of today.</param>
/// <param name="Cap">The learner's <c>/me cap new:</c>; null for none.</param>
public sealed record NewCardPace(int DaysLeft, int Unseen, int? Cap)
{
    /// <summary>The whole plan is to be seen this many days before the interview.</summary>
    public const int SeenDaysBefore = 7;

    /// <summary>New cards seen so far today (already in <see cref="Unseen"/>).</summary>
    public int SeenToday { get; init; }

    /// <summary>Cards of the plan still unseen now.</summary>
    public int UnseenNow => Math.Max(Unseen - SeenToday, 0);

    /// <summary>Days left to see the unseen cards in (today included); 0 when the interview is a week away or nearer.</summary>
    public int SpreadDays => Math.Max(DaysLeft - SeenDaysBefore, 0);

    /// <summary>New cards a day the interview asks for.</summary>
    public int Paced => SpreadDays == 0 ? Unseen : (Unseen + SpreadDays - 1) / SpreadDays;

    /// <summary>New cards today: <see cref="Paced"/>, held to the learner's cap.</summary>
    public int Limit => Cap is { } cap ? Math.Min(cap, Paced) : Paced;

    /// <summary>The learner's cap is below the pace.</summary>
    public bool CapHolds => Cap is { } cap && cap < Paced;
}
