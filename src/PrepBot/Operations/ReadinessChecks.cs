using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrepBot.Content;
using PrepBot.Discord.Gateway;
using Quartz;

namespace PrepBot.Operations;

/// <summary>Ready when every gateway shard of this process is connected, or resuming a session it still holds.</summary>
internal sealed class GatewayHealthCheck(DiscordGatewayClient gateway) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var shards = gateway.Shards;
        if (shards.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no gateway shard started yet"));
        }

        var down = shards.Where(shard => shard.State is not (GatewayShardState.Connected or GatewayShardState.Resuming)).ToList();
        var resuming = shards.Where(shard => shard.State == GatewayShardState.Resuming).ToList();
        return Task.FromResult(
            down.Count > 0 ? HealthCheckResult.Unhealthy(Describe(down))

            // A session being resumed loses no event: still ready (HTTP 200), but the body says so.
            : resuming.Count > 0 ? HealthCheckResult.Degraded(Describe(resuming))
            : HealthCheckResult.Healthy($"{shards.Count} shard(s) connected"));
    }

    private static string Describe(IEnumerable<(int ShardId, GatewayShardState State)> shards) =>
        string.Join(", ", shards.Select(shard => $"shard {shard.ShardId} {shard.State.ToString().ToUpperInvariant()}"));
}

/// <summary>Ready when Quartz is started and not in stand-by or shut down.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("scheduler running")
            : HealthCheckResult.Unhealthy($"scheduler {status.ToString().ToUpperInvariant()}");
    }
}

/// <summary>Ready when cards are loaded (a broken file is skipped, so an empty catalog means no content at all).</summary>
internal sealed class ContentHealthCheck(CardCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cards = catalog.Cards.Count;
        return Task.FromResult(cards > 0
            ? HealthCheckResult.Healthy($"{cards} cards loaded")
            : HealthCheckResult.Unhealthy($"no cards loaded from {catalog.ContentDirectory}"));
    }
}
