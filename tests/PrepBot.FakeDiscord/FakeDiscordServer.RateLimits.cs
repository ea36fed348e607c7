using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord;

/// <summary>Rate-limit controls and counts.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// The next <paramref name="count"/> requests to <paramref name="route"/> (a <see cref="Rest.FakeRoutes"/> constant) get 429
    /// with <paramref name="retryAfter"/> (default 50 ms). Scope "user" or "shared" answers as a bucket limit; "global" as the global one.
    /// </summary>
    public void ForceRateLimits(string route, int count, TimeSpan? retryAfter = null, string scope = "user")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _state.Limits.Force(route, new ForcedFault(429, retryAfter ?? TimeSpan.FromMilliseconds(50), scope), count);
    }

    /// <summary>The next <paramref name="count"/> requests to <paramref name="route"/> fail with <paramref name="status"/> (5xx).</summary>
    public void ForceServerErrors(string route, int count, int status = 502)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        _state.Limits.Force(route, new ForcedFault(status, TimeSpan.Zero, string.Empty), count);
    }

    public void ClearForcedFaults() => _state.Limits.ClearForcedFaults();

    /// <summary>Replaces the rule of one route; takes effect for the next window.</summary>
    public void SetRouteLimit(string route, int limit, TimeSpan window) => Options.RouteLimits[route] = new RateLimitRule(limit, window);

    public RouteStats GetRouteStats(string route) => _state.Limits.Counters(route).Snapshot();

    public IReadOnlyList<RouteStats> AllRouteStats => _state.Limits.AllStats();

    /// <summary>429s the fake sent because the bot ran into a limit (not forced ones): a polite client keeps this at 0.</summary>
    public int UnforcedRateLimitCount => _state.Limits.AllStats().Sum(s => s.RateLimited);
}
