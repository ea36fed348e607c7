using System.Globalization;

namespace PrepBot.FakeDiscord;

/// <summary>Mints increasing snowflakes whose timestamp part comes from the fake's clock.</summary>
internal sealed class Snowflakes(TimeProvider time)
{
    private const long DiscordEpochMilliseconds = 1420070400000;
    private long _last;

    public string Next()
    {
        var milliseconds = Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMilliseconds);
        var candidate = milliseconds << 22;
        long previous, next;
        do
        {
            previous = Volatile.Read(ref _last);
            next = Math.Max(candidate, previous + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, previous) != previous);

        return next.ToString(CultureInfo.InvariantCulture);
    }
}
