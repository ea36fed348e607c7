using Microsoft.Extensions.Time.Testing;
using PrepBot.Content;

namespace PrepBot.Tests.Content;

public sealed class ReloadDebouncerTests : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _time = new();
    private readonly ReloadDebouncer _debouncer;

    public ReloadDebouncerTests() => _debouncer = new ReloadDebouncer(QuietPeriod, _time);

    public void Dispose() => _debouncer.Dispose();

    [Fact]
    public void Burst_of_signals_gives_one_request_once_the_quiet_period_has_passed()
    {
        _debouncer.Signal("/c/sql/b.md");
        _debouncer.Signal("/c/sql/a.md");
        _debouncer.Signal("/c/sql/b.md");

        _time.Advance(QuietPeriod);

        Assert.True(_debouncer.Requests.TryRead(out var request));
        Assert.Equal(["/c/sql/a.md", "/c/sql/b.md"], request.Paths);
        Assert.False(request.FullRescan);
        Assert.False(_debouncer.Requests.TryRead(out _));
    }

    [Fact]
    public void Nothing_is_requested_before_the_quiet_period_has_passed()
    {
        _debouncer.Signal("/c/sql/a.md");

        _time.Advance(QuietPeriod - TimeSpan.FromMilliseconds(1));

        Assert.False(_debouncer.Requests.TryRead(out _));
    }

    [Fact]
    public void Each_signal_restarts_the_quiet_period()
    {
        _debouncer.Signal("/c/sql/a.md");
        _time.Advance(TimeSpan.FromMilliseconds(400));
        _debouncer.Signal("/c/sql/b.md");

        _time.Advance(TimeSpan.FromMilliseconds(400));

        Assert.False(_debouncer.Requests.TryRead(out _));
    }

    [Fact]
    public void Signals_after_a_request_go_into_the_next_request()
    {
        _debouncer.Signal("/c/sql/a.md");
        _time.Advance(QuietPeriod);
        _debouncer.Signal("/c/sql/b.md");

        _time.Advance(QuietPeriod);

        Assert.True(_debouncer.Requests.TryRead(out var first));
        Assert.True(_debouncer.Requests.TryRead(out var second));
        Assert.Equal(["/c/sql/a.md"], first.Paths);
        Assert.Equal(["/c/sql/b.md"], second.Paths);
    }

    [Fact]
    public void Full_rescan_signal_is_requested_once_the_quiet_period_has_passed()
    {
        _debouncer.Signal("/c/sql/a.md");
        _debouncer.SignalFullRescan();

        _time.Advance(QuietPeriod);

        Assert.True(_debouncer.Requests.TryRead(out var request));
        Assert.True(request.FullRescan);
    }

}
