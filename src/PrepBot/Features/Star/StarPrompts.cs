using PrepBot.Content;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Features.Star;

/// <summary>A behavioural prompt to drill, with the state version the answer will refer to, and why it was chosen.</summary>
public sealed record StarPick(PickedCard Picked, bool IsDue, bool IsAhead);

/// <summary>
/// Chooses the behavioural prompt for <c>/star</c>: a due one first (longest waiting), else one never answered (earliest
/// week, easiest), else the one due soonest, practised ahead of schedule. With a competency, only prompts that list it.
/// Retired cards are never served.
/// </summary>
public sealed class StarPrompts(CardCatalog catalog, ReviewStore reviews, TimeProvider time)
{
    private const int DueWindow = 100;

    /// <summary>Every competency the deck's behavioural prompts list, sorted.</summary>
    public static IReadOnlyList<string> CompetenciesIn(CardCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. Prompts(catalog).SelectMany(StarRubric.CompetenciesOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Competencies => CompetenciesIn(catalog);

    public async Task<StarPick?> PickAsync(long learnerId, string? competency, CancellationToken cancellationToken)
    {
        var prompts = Prompts(catalog)
            .Where(card => competency is null || StarRubric.CompetenciesOf(card).Contains(competency, StringComparer.Ordinal))
            .ToDictionary(card => card.Id, StringComparer.Ordinal);
        if (prompts.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var due = await reviews.GetDueAsync(learnerId, now, DueWindow, cancellationToken).ConfigureAwait(false);
        foreach (var entry in due.OrderBy(d => d.InRedrill))
        {
            if (prompts.TryGetValue(entry.CardId, out var card))
            {
                return new StarPick(new PickedCard(card, entry.Version), IsDue: true, IsAhead: false);
            }
        }

        var seen = await reviews.GetSeenCardIdsAsync(learnerId, cancellationToken).ConfigureAwait(false);
        var fresh = prompts.Values.Where(card => !seen.Contains(card.Id))
            .OrderBy(card => card.Week).ThenBy(card => card.Difficulty).ThenBy(card => card.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (fresh is not null)
        {
            return new StarPick(new PickedCard(fresh, 0), IsDue: false, IsAhead: false);
        }

        var upcoming = await reviews.GetDueUntilAsync(learnerId, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        var next = upcoming.Where(d => prompts.ContainsKey(d.CardId)).OrderBy(d => d.Due).ThenBy(d => d.CardId, StringComparer.Ordinal).First();
        var state = await reviews.GetStateAsync(learnerId, next.CardId, cancellationToken).ConfigureAwait(false);
        return new StarPick(new PickedCard(prompts[next.CardId], state.Version), IsDue: false, IsAhead: true);
    }

    private static IEnumerable<Card> Prompts(CardCatalog catalog) =>
        catalog.Cards.Where(card => card.Kind == CardKind.Behavioral && !card.Retired);
}
