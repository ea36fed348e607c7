using PrepBot.Features.Plan;

namespace PrepBot.Features.Daily;

/// <summary>The cohort start a server set with <c>/setup cohort</c>, read from its daily settings.</summary>
public sealed class DailyCohortStarts(DailyStore store) : ICohortStarts
{
    public async Task<DateOnly?> GetCohortStartAsync(string guildId, CancellationToken cancellationToken) =>
        (await store.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false))?.CohortStart;
}
