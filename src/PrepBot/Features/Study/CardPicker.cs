using PrepBot.Content;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>A card to ask, with the state version the learner's answer will refer to.</summary>
public sealed record PickedCard(Card Card, int Version);

/// <summary>Chooses which card a learner sees next.</summary>
public sealed class CardPicker(CardCatalog catalog, ReviewStore reviews, TimeProvider time)
{
    private const int DueWindow = 100;

    /// <summary>The longest-waiting due card still in the deck (cards being re-drilled come after real reviews).</summary>
    public async Task<PickedCard?> NextDueAsync(long learnerId, CancellationToken cancellationToken)
    {
        var due = await reviews.GetDueAsync(learnerId, time.GetUtcNow(), DueWindow, cancellationToken).ConfigureAwait(false);
        return FirstInDeck(due, redrill: false) ?? FirstInDeck(due, redrill: true);
    }

    /// <summary>For <c>/quiz</c>: a due review first, else a card the learner has never seen (earliest week first), else a re-drill.</summary>
    public async Task<PickedCard?> ForQuizAsync(long learnerId, CancellationToken cancellationToken)
    {
        var due = await reviews.GetDueAsync(learnerId, time.GetUtcNow(), DueWindow, cancellationToken).ConfigureAwait(false);
        if (FirstInDeck(due, redrill: false) is { } review)
        {
            return review;
        }

        var seen = await reviews.GetSeenCardIdsAsync(learnerId, cancellationToken).ConfigureAwait(false);
        var fresh = catalog.Cards
            .Where(c => !c.Retired && !seen.Contains(c.Id))
            .OrderBy(c => c.Week)
            .ThenBy(c => c.Difficulty)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return fresh is not null ? new PickedCard(fresh, 0) : FirstInDeck(due, redrill: true);
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

    private PickedCard? FirstInDeck(IReadOnlyList<DueCard> due, bool redrill)
    {
        foreach (var entry in due)
        {
            if (entry.InRedrill == redrill && catalog.Find(entry.CardId) is { Retired: false } card)
            {
                return new PickedCard(card, entry.Version);
            }
        }

        return null;
    }
}
