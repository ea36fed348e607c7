using System.Diagnostics.Metrics;

namespace PrepBot.Discord;

/// <summary>
/// The Discord client's instruments (<see cref="System.Diagnostics.Metrics"/>), on the meter <see cref="MeterName"/>.
/// Nothing is measured unless a listener (PrepBot's OpenTelemetry metrics) subscribes to it; tags carry route
/// templates, shard ids and close codes, never a token or an id from a path.
/// </summary>
public static class DiscordMetrics
{
    public const string MeterName = "PrepBot.Discord";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> GatewayReconnects = Meter.CreateCounter<long>(
        "prepbot.discord.gateway.reconnects", "{reconnect}", "Gateway connections opened again after a drop, by shard and by whether the session is resumed or identified anew.");

    internal static readonly Counter<long> GatewayResumes = Meter.CreateCounter<long>(
        "prepbot.discord.gateway.resumes", "{resume}", "Sessions Discord resumed (RESUMED received), by shard.");

    internal static readonly Counter<long> GatewayCloses = Meter.CreateCounter<long>(
        "prepbot.discord.gateway.closes", "{close}", "Gateway connections Discord closed, by close code.");

    internal static readonly Counter<long> RestRequests = Meter.CreateCounter<long>(
        "prepbot.discord.rest.requests", "{request}", "REST requests answered by Discord, by method, route template and HTTP status.");

    internal static readonly Counter<long> RestRateLimited = Meter.CreateCounter<long>(
        "prepbot.discord.rest.rate_limited", "{response}", "429 Too Many Requests answers, by method, route template and scope (user, global, shared).");

    internal static readonly Counter<double> RestRateLimitWait = Meter.CreateCounter<double>(
        "prepbot.discord.rest.rate_limit_wait", "s", "Time requests spent waiting on a rate limit (their bucket, the global limit, or an invalid-request cool-down), by method and route template.");
}
