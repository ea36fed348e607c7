namespace PrepBot.FakeDiscord.Limits;

/// <summary>A counter that resets a full window after the first request that found it expired (Discord's buckets behave like this).</summary>
internal sealed class FixedWindow(int limit, TimeSpan window)
{
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private int _used;

    public int Limit { get; } = limit;

    /// <summary>Counts the request if there is room; call under the owner's lock.</summary>
    public (bool Allowed, int Remaining, DateTimeOffset ResetAt) TryTake(DateTimeOffset now)
    {
        if (now >= _resetAt)
        {
            _used = 0;
            _resetAt = now + window;
        }

        if (_used >= Limit)
        {
            return (false, 0, _resetAt);
        }

        _used++;
        return (true, Limit - _used, _resetAt);
    }
}
