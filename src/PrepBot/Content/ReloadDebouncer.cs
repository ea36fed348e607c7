using System.Threading.Channels;

namespace PrepBot.Content;

/// <summary>One reload: the paths that changed, or a full rescan.</summary>
/// <param name="Paths">Full paths noticed since the previous request, in ordinal order.</param>
/// <param name="FullRescan">Whether to read the whole folder again (the watcher lost events).</param>
public sealed record ReloadRequest(IReadOnlyList<string> Paths, bool FullRescan);

/// <summary>
/// Gathers change signals and emits them as one <see cref="ReloadRequest"/> once no signal has come
/// for the quiet period: saving a file or checking out a branch raises bursts of events, and the
/// catalog should reload once per burst. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class ReloadDebouncer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _quietPeriod;
    private readonly ITimer _timer;
    private readonly Channel<ReloadRequest> _requests = Channel.CreateUnbounded<ReloadRequest>(new UnboundedChannelOptions { SingleReader = true });
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private bool _fullRescan;
    private bool _disposed;

    public ReloadDebouncer(TimeSpan quietPeriod, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quietPeriod, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _quietPeriod = quietPeriod;
        _timer = timeProvider.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Requests ready for the catalog, one per burst of signals.</summary>
    public ChannelReader<ReloadRequest> Requests => _requests.Reader;

    /// <summary>Notes a changed path and restarts the quiet period.</summary>
    public void Signal(string fullPath)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _pending.Add(fullPath);
                _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Asks for a full rescan at the end of the quiet period (changes may have been missed).</summary>
    public void SignalFullRescan()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _fullRescan = true;
                _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Stops the timer and completes <see cref="Requests"/>; later signals are ignored.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }

        _requests.Writer.TryComplete();
    }

    private void Flush()
    {
        ReloadRequest request;
        lock (_gate)
        {
            if (_pending.Count == 0 && !_fullRescan)
            {
                return;
            }

            request = new ReloadRequest([.. _pending.Order(StringComparer.Ordinal)], _fullRescan);
            _pending = new HashSet<string>(StringComparer.Ordinal);
            _fullRescan = false;
        }

        _requests.Writer.TryWrite(request);
    }
}
