using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace PrepBot.Discord.Rest;

/// <summary>
/// The rate-limit state every <see cref="DiscordRestClient"/> of the process shares (a singleton): per-bucket
/// queues learned from <c>X-RateLimit-*</c> headers, the global requests-per-second limit, and the streak of invalid
/// requests (401/403/429) that makes the client slow to one request a second, or stop after a 401.
/// </summary>
public sealed class DiscordRateLimiter
{
    /// <summary>Invalid responses in a row after which every request first waits a growing cooldown.</summary>
    public const int InvalidRequestStreakLimit = 5;

    private static readonly TimeSpan ProbeSpacing = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, string> _bucketHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _probeLock = new();
    private DateTimeOffset _nextProbe;
    private int _invalidStreak;
    private volatile bool _unauthorized;

    internal DiscordRateLimiter(IOptions<DiscordOptions> options, TimeProvider time)
    {
        _time = time;
        Global = new GlobalRateLimiter(options.Value.GlobalRateLimitPerSecond, time);
    }

    internal GlobalRateLimiter Global { get; }

    /// <summary>True once Discord answered 401: the token is wrong and no further request is sent.</summary>
    public bool Unauthorized => _unauthorized;

    /// <summary>Invalid responses (401/403/429) since the last success.</summary>
    public int InvalidStreak => Volatile.Read(ref _invalidStreak);

    internal RateLimitBucket GetBucket(DiscordRoute route)
    {
        var name = _bucketHashes.TryGetValue(route.Key, out var hash) ? hash : route.Key;
        return _buckets.GetOrAdd($"{name}|{route.MajorParameter}", static _ => new RateLimitBucket());
    }

    /// <summary>Takes in the bucket headers of a response: remaining requests and when the bucket resets.</summary>
    internal void Learn(DiscordRoute route, RateLimitBucket used, HttpResponseHeaders headers)
    {
        var hash = Header(headers, "X-RateLimit-Bucket");
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (remaining is null || resetAfter is null
            || !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            || !double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        var resetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        used.Update(left, resetAt);
        if (hash is not null)
        {
            _bucketHashes[route.Key] = hash;
            var shared = _buckets.GetOrAdd($"{hash}|{route.MajorParameter}", static _ => new RateLimitBucket());
            if (!ReferenceEquals(shared, used))
            {
                shared.Update(left, resetAt);
            }
        }
    }

    internal void RecordSuccess() => Volatile.Write(ref _invalidStreak, 0);

    internal int RecordInvalid(bool unauthorized)
    {
        if (unauthorized)
        {
            _unauthorized = true;
        }

        return Interlocked.Increment(ref _invalidStreak);
    }

    /// <summary>
    /// How long this request waits because of the invalid streak: nothing below <see cref="InvalidRequestStreakLimit"/>;
    /// beyond it, requests leave one per second (whatever the concurrency) until one succeeds, so a client that keeps
    /// failing cannot come near Discord's 10,000 invalid requests per 10 minutes.
    /// </summary>
    internal TimeSpan InvalidRequestCooldown()
    {
        if (InvalidStreak < InvalidRequestStreakLimit)
        {
            return TimeSpan.Zero;
        }

        lock (_probeLock)
        {
            var now = _time.GetUtcNow();
            var slot = _nextProbe > now ? _nextProbe : now;
            _nextProbe = slot + ProbeSpacing;
            return slot - now;
        }
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>
/// One rate-limit bucket (bucket hash + top-level resource): requests in it go one at a time, and when Discord said
/// none remain, the next waits until the bucket resets.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Buckets live as long as the process; SemaphoreSlim holds no handle unless AvailableWaitHandle is used.")]
internal sealed class RateLimitBucket
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public async Task<Lease> EnterAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = TimeSpan.Zero;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (_remaining <= 0 && _resetAt > now)
                {
                    wait = _resetAt - now;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            return new Lease(_gate);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>After a 429 for this bucket: nothing remains until <paramref name="resetAt"/>.</summary>
    public void Update(int remaining, DateTimeOffset resetAt)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }
    }

    public readonly struct Lease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

/// <summary>
/// The global limit: at most N requests in any window of one second (plus a 25 ms margin, because Discord counts
/// arrivals and a request can arrive later than it left). Each request reserves the next free slot in arrival
/// order (so a thousand waiters cost a thousand timers, not a thundering herd), and a global 429 blocks every slot
/// until Discord's <c>retry_after</c> has passed.
/// </summary>
internal sealed class GlobalRateLimiter(int perSecond, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1025);

    private readonly DateTimeOffset[] _slots = new DateTimeOffset[perSecond];
    private readonly Lock _lock = new();
    private int _next;
    private DateTimeOffset _blockedUntil;

    public int PerSecond => perSecond;

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        DateTimeOffset now;
        lock (_lock)
        {
            now = time.GetUtcNow();
            var oldest = _slots[_next];
            slot = now;
            if (oldest != default && oldest + Window > slot)
            {
                slot = oldest + Window;
            }

            if (_blockedUntil > slot)
            {
                slot = _blockedUntil;
            }

            _slots[_next] = slot;
            _next = (_next + 1) % _slots.Length;
        }

        if (slot > now)
        {
            await Task.Delay(slot - now, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After a global 429: no request leaves before <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }
}
