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
    private readonly Lock gate = new();
    private readonly TimeSpan quietPeriod;
    private readonly ITimer timer;
    private readonly Channel<ReloadRequest> requests = Channel.CreateUnbounded<ReloadRequest>(new UnboundedChannelOptions { SingleReader = true });
    private HashSet<string> pending = new(StringComparer.Ordinal);
    private bool fullRescan;
    private bool disposed;

    public ReloadDebouncer(TimeSpan quietPeriod, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quietPeriod, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.quietPeriod = quietPeriod;
        timer = timeProvider.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Requests ready for the catalog, one per burst of signals.</summary>
    public ChannelReader<ReloadRequest> Requests => requests.Reader;

    /// <summary>Notes a changed path and restarts the quiet period.</summary>
    public void Signal(string fullPath)
    {
        lock (gate)
        {
            if (!disposed)
            {
                pending.Add(fullPath);
                timer.Change(quietPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Asks for a full rescan at the end of the quiet period (changes may have been missed).</summary>
    public void SignalFullRescan()
    {
        lock (gate)
        {
            if (!disposed)
            {
                fullRescan = true;
                timer.Change(quietPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Stops the timer and completes <see cref="Requests"/>; later signals are ignored.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
        }

        requests.Writer.TryComplete();
    }

    private void Flush()
    {
        ReloadRequest request;
        lock (gate)
        {
            if (pending.Count == 0 && !fullRescan)
            {
                return;
            }

            request = new ReloadRequest([.. pending.Order(StringComparer.Ordinal)], fullRescan);
            pending = new HashSet<string>(StringComparer.Ordinal);
            fullRescan = false;
        }

        requests.Writer.TryWrite(request);
    }
}
