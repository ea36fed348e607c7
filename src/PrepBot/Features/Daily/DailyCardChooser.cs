using PrepBot.Content;
using PrepBot.Data;
using PrepBot.Features.Plan;

namespace PrepBot.Features.Daily;

/// <summary>
/// Picks a server's question for a day. The kind comes from the day's mix; the cards from the cohort's current week of
/// the plan and earlier weeks (every week when no cohort start is set). A card the server has had is not asked again
/// until every card of that pool has been; then the one asked longest ago comes back first. A kind with no card in
/// the pool (no design cards before week 3, say) falls back to any kind of the pool.
/// </summary>
public sealed class DailyCardChooser(CardCatalog catalog, DailyStore store)
{
    /// <summary>The cohort's week of the plan on <paramref name="date"/>: 1–16, or 16 (all weeks) without a cohort start.</summary>
    public static int CohortWeek(DateOnly? cohortStart, DateOnly date) =>
        cohortStart is { } start ? PlanCalendar.WeekOn(start, date) : StudyPlan.WeekCount;

    public async Task<Card?> ChooseAsync(GuildDailySettings settings, DateOnly date, CardKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var week = CohortWeek(settings.CohortStart, date);
        var inPlan = catalog.Cards.Where(card => !card.Retired && card.Week <= week).ToList();
        var pool = inPlan.Where(card => card.Kind == kind).ToList();
        if (pool.Count == 0)
        {
            pool = inPlan;
        }

        if (pool.Count == 0)
        {
            return null;
        }

        var history = await store.GetCardHistoryAsync(settings.GuildId, cancellationToken).ConfigureAwait(false);
        var fresh = pool.Where(card => !history.ContainsKey(card.Id))
            .OrderByDescending(card => card.Week)
            .ThenBy(card => card.Difficulty)
            .ThenBy(card => card.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        return fresh ?? pool.OrderBy(card => history[card.Id]).ThenBy(card => card.Id, StringComparer.Ordinal).First();
    }
}
