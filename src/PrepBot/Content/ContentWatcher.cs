using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrepBot.Content;

/// <summary>
/// Loads the <see cref="CardCatalog"/> when the host starts, then (when
/// <see cref="ContentOptions.WatchForChanges"/>) watches the content folder and reloads the changed
/// card files once the folder has been quiet for <see cref="ContentOptions.ReloadDebounceMilliseconds"/>.
/// </summary>
public sealed partial class ContentWatcher(
    CardCatalog catalog,
    IOptions<ContentOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    private FileSystemWatcher? _watcher;
    private ReloadDebouncer? _debouncer;

    /// <summary>
    /// Loads the catalog and starts watching before returning, so cards are there for the hosted
    /// services that start after this one, and no change made after start-up is missed.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.LoadAll();
        if (options.Value.WatchForChanges)
        {
            StartWatching();
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _debouncer?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _debouncer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_debouncer is null)
        {
            return;
        }

        try
        {
            await foreach (var request in _debouncer.Requests.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Reload(request);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping.
        }
    }

    private void Reload(ReloadRequest request)
    {
        try
        {
            if (request.FullRescan)
            {
                catalog.LoadAll();
            }
            else
            {
                catalog.Reload(request.Paths);
            }
        }
        catch (Exception e)
        {
            // A failed reload (or a throwing Reloaded handler) must not stop the host; the next change retries.
            LogReloadFailed(logger, e);
        }
    }

    private void StartWatching()
    {
        var directory = catalog.ContentDirectory;
        var debouncer = new ReloadDebouncer(TimeSpan.FromMilliseconds(options.Value.ReloadDebounceMilliseconds), timeProvider);
        _debouncer = debouncer;

        // No '*.md' filter: renaming or deleting a whole folder raises one event for the folder only.
        // Card-ness is decided by CardCatalog.Reload; here we only drop obvious noise (editor temp files).
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, e) => Notice(e.FullPath);
        _watcher.Changed += (_, e) =>
        {
            // A folder's "changed" only echoes its files' own events; re-reading the folder would be waste.
            if (!Directory.Exists(e.FullPath))
            {
                Notice(e.FullPath);
            }
        };
        _watcher.Deleted += (_, e) => Notice(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Notice(e.OldFullPath);
            Notice(e.FullPath);
        };
        _watcher.Error += (_, e) =>
        {
            LogWatcherError(logger, directory, e.GetException());
            debouncer.SignalFullRescan();
        };

        try
        {
            _watcher.EnableRaisingEvents = true;
            LogWatching(logger, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // E.g. the inotify watch limit: serve the cards loaded at start rather than not at all.
            LogCannotWatch(logger, directory, e);
            _watcher.Dispose();
            _watcher = null;
        }
    }

    private void Notice(string fullPath)
    {
        if (IsNoise(fullPath))
        {
            return;
        }

        _debouncer?.Signal(fullPath);
        LogChangeNoticed(logger, fullPath);
    }

    /// <summary>Dot-files and files with an extension other than .md (swap, backup and temp files).</summary>
    private static bool IsNoise(string fullPath)
    {
        var name = Path.GetFileName(fullPath);
        var extension = Path.GetExtension(name);
        return name.StartsWith('.') || (extension.Length > 0 && !extension.Equals(".md", StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Watching {Directory} for card changes")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Cannot watch {Directory} for card changes; edits need a restart to show up")]
    private static partial void LogCannotWatch(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Watching {Directory} lost events; reading every card again")]
    private static partial void LogWatcherError(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug, Message = "Noticed a change to {Path}; reloading once the folder is quiet")]
    private static partial void LogChangeNoticed(ILogger logger, string path);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Reloading cards failed; serving the previous cards")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
