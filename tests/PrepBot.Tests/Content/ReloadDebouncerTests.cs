using Microsoft.Extensions.Time.Testing;
using PrepBot.Content;

namespace PrepBot.Tests.Content;

public sealed class ReloadDebouncerTests : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider time = new();
    private readonly ReloadDebouncer debouncer;

    public ReloadDebouncerTests() => debouncer = new ReloadDebouncer(QuietPeriod, time);

    public void Dispose() => debouncer.Dispose();

    [Fact]
    public void Burst_of_signals_gives_one_request_once_the_quiet_period_has_passed()
    {
        debouncer.Signal("/c/sql/b.md");
        debouncer.Signal("/c/sql/a.md");
        debouncer.Signal("/c/sql/b.md");

        time.Advance(QuietPeriod);

        Assert.True(debouncer.Requests.TryRead(out var request));
        Assert.Equal(["/c/sql/a.md", "/c/sql/b.md"], request.Paths);
        Assert.False(request.FullRescan);
        Assert.False(debouncer.Requests.TryRead(out _));
    }

    [Fact]
    public void Nothing_is_requested_before_the_quiet_period_has_passed()
    {
        debouncer.Signal("/c/sql/a.md");

        time.Advance(QuietPeriod - TimeSpan.FromMilliseconds(1));

        Assert.False(debouncer.Requests.TryRead(out _));
    }

    [Fact]
    public void Each_signal_restarts_the_quiet_period()
    {
        debouncer.Signal("/c/sql/a.md");
        time.Advance(TimeSpan.FromMilliseconds(400));
        debouncer.Signal("/c/sql/b.md");

        time.Advance(TimeSpan.FromMilliseconds(400));

        Assert.False(debouncer.Requests.TryRead(out _));
    }

    [Fact]
    public void Signals_after_a_request_go_into_the_next_request()
    {
        debouncer.Signal("/c/sql/a.md");
        time.Advance(QuietPeriod);
        debouncer.Signal("/c/sql/b.md");

        time.Advance(QuietPeriod);

        Assert.True(debouncer.Requests.TryRead(out var first));
        Assert.True(debouncer.Requests.TryRead(out var second));
        Assert.Equal(["/c/sql/a.md"], first.Paths);
        Assert.Equal(["/c/sql/b.md"], second.Paths);
    }

    [Fact]
    public void Full_rescan_signal_is_requested_once_the_quiet_period_has_passed()
    {
        debouncer.Signal("/c/sql/a.md");
        debouncer.SignalFullRescan();

        time.Advance(QuietPeriod);

        Assert.True(debouncer.Requests.TryRead(out var request));
        Assert.True(request.FullRescan);
    }

}
