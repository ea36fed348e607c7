using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Interview;
using PrepBot.Features.Plan;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>A card to ask, with the state version the learner's answer will refer to.</summary>
public sealed record PickedCard(Card Card, int Version);

/// <summary>
/// What the learner asked for (<c>/quiz week:5</c>, <c>/quiz topic:kafka</c>): only cards of that week and/or topic,
/// later weeks of the plan included. Without either, cards follow the learner's place in the plan.
/// </summary>
public sealed record CardRequest(int? Week = null, string? Topic = null)
{
    public static CardRequest None { get; } = new();

    public bool IsAsked => Week is not null || Topic is not null;

    public bool Matches(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return (Week is null || card.Week == Week) && (Topic is null || card.Topic == Topic);
    }
}

/// <summary>
/// Chooses which card a learner sees next. Due reviews come first, in SM-2's order. A new card comes from the
/// learner's current week of the plan, then from the weakest topic of earlier weeks (lowest retention, then least
/// seen); a card of a later week is served only when asked for (<see cref="CardRequest"/>). Retired cards and cards
/// no longer in the deck are never served.
/// </summary>
public sealed class CardPicker(
    CardCatalog catalog, ReviewStore reviews, CardHoldStore holds, TopicProgressReader progress, DailyCaps caps, InterviewCountdown countdowns, TimeProvider time)
{
    private const int DueWindow = 100;

    private static readonly IReadOnlySet<string> NothingStored = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>In the final stretch before an interview the due queue is re-ordered, so more of it is read.</summary>
    private const int FinalStretchDueWindow = 2000;

    /// <summary>
    /// The learner's next review within their daily cap (<c>/me cap reviews:</c>): the longest-waiting due card (in the last
    /// <see cref="Countdown.FinalStretchDays"/> days before their interview, the one least likely to be recalled on the day), then
    /// cards being re-drilled today (re-drills repeat cards already counted, so they are served past the cap).
    /// </summary>
    public async Task<PickedCard?> NextDueAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var allowance = await caps.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        var due = await DueAsync(learner, allowance.Countdown, cancellationToken).ConfigureAwait(false);
        return (allowance.ReviewsLeft ? FirstInDeck(due, redrill: false) : null) ?? FirstInDeck(due, redrill: true);
    }

    /// <summary>The learner's daily caps and today's use of them.</summary>
    public Task<DailyAllowance> AllowanceAsync(LearnerContext learner, CancellationToken cancellationToken) => caps.GetAsync(learner, cancellationToken);

    /// <summary>The longest-waiting due card still in the deck (cards being re-drilled come after real reviews); no daily cap.</summary>
    public async Task<PickedCard?> NextDueAsync(long learnerId, CancellationToken cancellationToken)
    {
        var due = await reviews.GetDueAsync(learnerId, time.GetUtcNow(), DueWindow, cancellationToken).ConfigureAwait(false);
        return FirstInDeck(due, redrill: false) ?? FirstInDeck(due, redrill: true);
    }

    /// <summary>
    /// For <c>/quiz</c>: a due review first (of the requested week or topic, when asked), else a new card
    /// (<see cref="NewCardAsync"/>), else a card being re-drilled today. Reviews and new cards stop at the learner's daily
    /// caps (<c>/me cap</c>).
    /// </summary>
    public async Task<PickedCard?> ForQuizAsync(LearnerContext learner, CardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(request);
        if (learner.Enrolled)
        {
            // Enrolled by this interaction: no caps, interview, due cards, grades or holds exist to read yet.
            var first = await FirstUnseenAsync(learner, request, NothingStored, NothingStored, cancellationToken).ConfigureAwait(false);
            return first is null ? null : new PickedCard(first, 0);
        }

        var allowance = await caps.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        var due = await DueAsync(learner, allowance.Countdown, cancellationToken).ConfigureAwait(false);
        if (allowance.ReviewsLeft && FirstInDeck(due, redrill: false, request) is { } review)
        {
            return review;
        }

        var fresh = allowance.NewLeft ? await NewCardAsync(learner, request, cancellationToken).ConfigureAwait(false) : null;
        return fresh is not null ? new PickedCard(fresh, 0) : FirstInDeck(due, redrill: true, request);
    }

    /// <summary>
    /// A card the learner has never answered and has not put aside (skipped for today or suspended). Asked for a week or topic: the first unseen card of the earliest such week in
    /// the learner's order for that week (<see cref="NewCardOrder"/>). Otherwise the first unseen card of the learner's
    /// current week in that order (the plan's topic order, easy before hard, kinds interleaved); failing that, a card of the
    /// weakest topic among earlier weeks' unseen cards (lowest retention over 30 days, then the smallest share of its cards
    /// seen, then the earliest week). Never a card of a later week unless asked for — or, with an interview ahead
    /// (<c>/me interview</c>), once every card up to the current week is seen: the plan is to be seen a week before it.
    /// </summary>
    public async Task<Card?> NewCardAsync(LearnerContext learner, CardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(request);
        var seen = await reviews.GetSeenCardIdsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var held = await holds.GetHeldCardIdsAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await FirstUnseenAsync(learner, request, seen, held, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Card?> FirstUnseenAsync(
        LearnerContext learner, CardRequest request, IReadOnlySet<string> seen, IReadOnlySet<string> held, CancellationToken cancellationToken)
    {
        var passed = held.Count == 0 ? seen : seen.Union(held, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var unseen = catalog.Cards.Where(card => !card.Retired && !passed.Contains(card.Id)).ToList();
        if (request.IsAsked)
        {
            var asked = unseen.Where(request.Matches).ToList();
            return asked.Count == 0 ? null : FirstInWeekOrder(asked.Min(card => card.Week), request.Matches, passed, learner.Id);
        }

        var week = PlanCalendar.Locate(learner.Learner, learner.Zone, time.GetUtcNow()).Week;
        if (FirstInWeekOrder(week, _ => true, passed, learner.Id) is { } current)
        {
            return current;
        }

        var candidates = unseen.Where(card => card.Week < week).ToList();
        if (candidates.Count == 0)
        {
            var later = unseen.Where(card => card.Week > week).ToList();
            return later.Count > 0 && await countdowns.GetAsync(learner, cancellationToken).ConfigureAwait(false) is { DaysLeft: > 0 }
                ? FirstInWeekOrder(later.Min(card => card.Week), _ => true, passed, learner.Id)
                : null;
        }

        var topics = await progress.ReadAsync(learner, seen, cancellationToken).ConfigureAwait(false);
        var weakest = candidates
            .GroupBy(card => card.Topic, StringComparer.Ordinal)
            .Select(group => (Cards: group, Progress: topics.Progress(group.Key, week), FirstWeek: group.Min(card => card.Week)))
            .OrderBy(topic => topic.Progress.Retention ?? 0)
            .ThenBy(topic => topic.Progress.CardsSeen / (double)topic.Progress.CardsTotal)
            .ThenBy(topic => topic.FirstWeek)
            .ThenBy(topic => topic.Cards.Key, StringComparer.Ordinal)
            .First();
        return NewCardOrder.WithinTopic(weakest.Cards, learner.Id)[0];
    }

    /// <summary>The first card of <paramref name="week"/> (matching <paramref name="filter"/>) in the learner's order that is not in <paramref name="skip"/>.</summary>
    private Card? FirstInWeekOrder(int week, Func<Card, bool> filter, IReadOnlySet<string> skip, long learnerId)
    {
        var cards = catalog.Cards.Where(card => !card.Retired && card.Week == week && filter(card));
        return NewCardOrder.ForWeek(cards, catalog.Plan?.Week(week), learnerId).FirstOrDefault(card => !skip.Contains(card.Id));
    }

    /// <summary>
    /// When each of the learner's cards that fall due by <paramref name="until"/> and can still be served is due:
    /// a card removed from the deck or retired keeps its history but is no longer counted as due.
    /// </summary>
    public async Task<IReadOnlyList<DateTimeOffset>> DueTimesAsync(long learnerId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var due = await reviews.GetDueUntilAsync(learnerId, until, cancellationToken).ConfigureAwait(false);
        return [.. due.Where(d => catalog.Find(d.CardId) is { Retired: false }).Select(d => d.Due)];
    }

    /// <summary>How many servable cards are due by <paramref name="until"/> (see <see cref="DueTimesAsync"/>).</summary>
    public async Task<int> CountDueAsync(long learnerId, DateTimeOffset until, CancellationToken cancellationToken) =>
        (await DueTimesAsync(learnerId, until, cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>
    /// The learner's due queue: scheduled reviews longest-waiting first, then re-drills. In the last
    /// <see cref="Countdown.FinalStretchDays"/> days before their interview, scheduled reviews come lowest predicted recall on
    /// the day first (equal ones longest-waiting first): what is most likely forgotten by then is reviewed first.
    /// <paramref name="countdown"/> is the one <see cref="DailyCaps"/> read with the allowance (not read again here).
    /// </summary>
    private async Task<IReadOnlyList<DueCard>> DueAsync(LearnerContext learner, Countdown? countdown, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (countdown is not { InFinalStretch: true })
        {
            return await reviews.GetDueAsync(learner.Id, now, DueWindow, cancellationToken).ConfigureAwait(false);
        }

        var due = await reviews.GetDueAsync(learner.Id, now, FinalStretchDueWindow, cancellationToken).ConfigureAwait(false);
        var recall = await countdowns.RecallAtInterviewAsync(learner, countdown, cancellationToken).ConfigureAwait(false);
        return [.. due.OrderBy(d => d.InRedrill).ThenBy(d => recall.GetValueOrDefault(d.CardId, 0))];
    }

    private PickedCard? FirstInDeck(IReadOnlyList<DueCard> due, bool redrill, CardRequest? request = null)
    {
        foreach (var entry in due)
        {
            if (entry.InRedrill == redrill && catalog.Find(entry.CardId) is { Retired: false } card && (request?.Matches(card) ?? true))
            {
                return new PickedCard(card, entry.Version);
            }
        }

        return null;
    }
}
