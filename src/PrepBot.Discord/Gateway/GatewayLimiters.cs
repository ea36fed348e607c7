namespace PrepBot.Discord.Gateway;

/// <summary>At most <see cref="Limit"/> frames sent per connection in any 60 s (Discord disconnects beyond 120).</summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() + Window <= now)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < Limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.Peek() + Window - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The in-process <see cref="IIdentifyCoordinator"/>: the shards of this process wait for their bucket's turn here, one identify
/// per bucket per <see cref="IdentifyBuckets.Spacing"/>. Right while one process runs every shard (the default); shards split
/// over processes need a coordinator they share.
/// </summary>
public sealed class IdentifyGate(TimeProvider time) : IIdentifyCoordinator
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Bucket> _buckets = [];

    public async Task WaitToIdentifyAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var key = IdentifyBuckets.Of(shardId, maxConcurrency);
        Bucket bucket;
        lock (_lock)
        {
            if (!_buckets.TryGetValue(key, out bucket!))
            {
                bucket = new Bucket();
                _buckets[key] = bucket;
            }
        }

        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (bucket.Last is { } last && last + IdentifyBuckets.Spacing > time.GetUtcNow())
            {
                await Task.Delay(last + IdentifyBuckets.Spacing - time.GetUtcNow(), time, cancellationToken).ConfigureAwait(false);
            }

            bucket.Last = time.GetUtcNow();
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? Last { get; set; }
    }
}
