using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>
/// Per-bucket limits (route + top-level resource) and the global per-second limit, plus the faults a test forces,
/// and per-route counts. Time comes from the fake's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RateLimiter(FakeDiscordOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FixedWindow> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RouteCounters> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ForcedFault>> _faults = new(StringComparer.Ordinal);
    private FixedWindow? _global;

    public static string BucketHash(string route) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(route)))[..16];

    public RateLimitDecision TakeRouteSlot(string route, string majorResource, DateTimeOffset now)
    {
        var rule = options.RouteLimits.TryGetValue(route, out var configured) ? configured : options.DefaultRouteLimit;
        var hash = BucketHash(route);
        lock (_gate)
        {
            var key = $"{hash}:{majorResource}";
            if (!_buckets.TryGetValue(key, out var bucket) || bucket.Limit != rule.Limit)
            {
                bucket = new FixedWindow(rule.Limit, rule.Window);
                _buckets[key] = bucket;
            }

            var (allowed, remaining, resetAt) = bucket.TryTake(now);
            return new RateLimitDecision(allowed, rule.Limit, remaining, resetAt, resetAt - now, hash);
        }
    }

    /// <summary>Null when allowed; otherwise how long until the global window resets.</summary>
    public TimeSpan? TakeGlobalSlot(DateTimeOffset now)
    {
        if (options.GlobalRequestsPerSecond <= 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (_global is null || _global.Limit != options.GlobalRequestsPerSecond)
            {
                _global = new FixedWindow(options.GlobalRequestsPerSecond, TimeSpan.FromSeconds(1));
            }

            var (allowed, _, resetAt) = _global.TryTake(now);
            return allowed ? null : resetAt - now;
        }
    }

    public void Force(string route, ForcedFault fault, int count)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                queue = new Queue<ForcedFault>();
                _faults[route] = queue;
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public ForcedFault? TakeForcedFault(string route)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    public void ClearForcedFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public RouteCounters Counters(string route) => _counters.GetOrAdd(route, r => new RouteCounters(r));

    public IReadOnlyList<RouteStats> AllStats() => [.. _counters.Values.Select(c => c.Snapshot()).OrderBy(s => s.Route, StringComparer.Ordinal)];
}

/// <summary>A failure a test asked for: a 429 (with its retry_after and scope) or a 5xx status.</summary>
internal sealed record ForcedFault(int Status, TimeSpan RetryAfter, string Scope);

/// <summary>Thread-safe counts for one route.</summary>
internal sealed class RouteCounters(string route)
{
    private int _requests;
    private int _rateLimited;
    private int _forcedRateLimited;
    private int _forcedServerErrors;

    public void Request() => Interlocked.Increment(ref _requests);

    public void RateLimited() => Interlocked.Increment(ref _rateLimited);

    public void ForcedRateLimited() => Interlocked.Increment(ref _forcedRateLimited);

    public void ForcedServerError() => Interlocked.Increment(ref _forcedServerErrors);

    public RouteStats Snapshot() => new(
        route,
        Volatile.Read(ref _requests),
        Volatile.Read(ref _rateLimited),
        Volatile.Read(ref _forcedRateLimited),
        Volatile.Read(ref _forcedServerErrors));
}
