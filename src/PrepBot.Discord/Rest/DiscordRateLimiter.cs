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
    /// <summary>Every this many bucket look-ups, idle buckets are dropped.</summary>
    internal const int PruneEvery = 1024;

    /// <summary>Invalid responses in a row after which every request first waits a growing cooldown.</summary>
    public const int InvalidRequestStreakLimit = 5;

    private static readonly TimeSpan ProbeSpacing = TimeSpan.FromSeconds(1);

    /// <summary>Reset-After comes rounded to the millisecond, and timers are not exact: wait this much longer.</summary>
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(15);

    private readonly ConcurrentDictionary<string, string> _bucketHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _probeLock = new();
    private DateTimeOffset _nextProbe;
    private int _invalidStreak;
    private int _lookups;
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

    /// <summary>Buckets held now; one per route and top-level resource in use (see <see cref="Prune"/>).</summary>
    internal int BucketCount => _buckets.Count;

    internal RateLimitBucket GetBucket(DiscordRoute route)
    {
        if (Interlocked.Increment(ref _lookups) % PruneEvery == 0)
        {
            Prune();
        }

        var name = _bucketHashes.TryGetValue(route.Key, out var hash) ? hash : route.Key;
        return _buckets.GetOrAdd($"{name}|{route.MajorParameter}", static _ => new RateLimitBucket());
    }

    /// <summary>
    /// Drops the buckets nobody is waiting on whose limit has reset. Interaction callbacks and follow-ups have a
    /// bucket per interaction, so without this a long-running bot would keep one for every interaction it ever
    /// answered. A dropped bucket knows nothing a fresh one would not: its limit had already reset.
    /// </summary>
    internal void Prune()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _buckets)
        {
            if (entry.Value.IsIdle(now))
            {
                _buckets.TryRemove(entry);
            }
        }
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

        var resetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds) + ResetMargin;
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

    /// <summary>No request holds or waits for the bucket, and its limit does not hold anyone back any more.</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _gate.CurrentCount == 1 && (_remaining is null or > 0 || _resetAt <= now);
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
/// The global limit: at most N requests in any one-second window, counted the way the server counts them, by
/// arrival. Request k+N leaves only a window after request k was answered (its answer proves it had arrived), so
/// latency jitter cannot push N+1 requests into one server window. Waiters pass a turnstile one at a time, in
/// order, so a thousand waiters cost one timer at a time; a global 429 blocks everyone until <c>retry_after</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Lives as long as the process; SemaphoreSlim holds no handle unless AvailableWaitHandle is used.")]
internal sealed class GlobalRateLimiter(int perSecond, TimeProvider time)
{
    /// <summary>One second, plus 10 ms for timer and clock granularity.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1010);

    private readonly Entry[] _ring = new Entry[perSecond];
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private readonly Lock _lock = new();
    private long _sequence;
    private DateTimeOffset _blockedUntil;

    public int PerSecond => perSecond;

    /// <summary>Waits for a slot; returns a ticket to hand to <see cref="Complete"/> once the answer came.</summary>
    public async ValueTask<long> AcquireAsync(CancellationToken cancellationToken)
    {
        await _turnstile.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    var index = (int)(_sequence % _ring.Length);
                    var earliest = now;
                    var oldest = _ring[index];
                    if (oldest.Sequence > 0)
                    {
                        var basis = oldest.Answered > oldest.Sent ? oldest.Answered : oldest.Sent;
                        earliest = Max(earliest, basis + Window);
                    }

                    earliest = Max(earliest, _blockedUntil);
                    if (earliest <= now)
                    {
                        _ring[index] = new Entry(++_sequence, now, default);
                        return _sequence;
                    }

                    wait = earliest - now;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turnstile.Release();
        }
    }

    /// <summary>The request with <paramref name="ticket"/> has been answered (or failed).</summary>
    public void Complete(long ticket)
    {
        lock (_lock)
        {
            var index = (int)((ticket - 1) % _ring.Length);
            if (_ring[index].Sequence == ticket)
            {
                _ring[index] = _ring[index] with { Answered = time.GetUtcNow() };
            }
        }
    }

    /// <summary>After a global 429: no request leaves before <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            _blockedUntil = Max(_blockedUntil, until);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private readonly record struct Entry(long Sequence, DateTimeOffset Sent, DateTimeOffset Answered);
}
