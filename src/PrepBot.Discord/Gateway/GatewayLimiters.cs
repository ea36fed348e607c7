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
/// Identify pacing: shards whose <c>shard_id % max_concurrency</c> match share one identify per 5 seconds.
/// </summary>
internal sealed class IdentifyGate
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim[] _gates;
    private readonly DateTimeOffset?[] _last;
    private readonly TimeProvider _time;

    public IdentifyGate(int maxConcurrency, TimeProvider time)
    {
        var buckets = Math.Max(1, maxConcurrency);
        _gates = [.. Enumerable.Range(0, buckets).Select(_ => new SemaphoreSlim(1, 1))];
        _last = new DateTimeOffset?[buckets];
        _time = time;
    }

    public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        var key = shardId % _gates.Length;
        await _gates[key].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last[key] is { } last && last + Spacing > _time.GetUtcNow())
            {
                await Task.Delay(last + Spacing - _time.GetUtcNow(), _time, cancellationToken).ConfigureAwait(false);
            }

            _last[key] = _time.GetUtcNow();
        }
        finally
        {
            _gates[key].Release();
        }
    }
}
