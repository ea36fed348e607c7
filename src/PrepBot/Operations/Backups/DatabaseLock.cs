using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrepBot.Data;

namespace PrepBot.Operations.Backups;

/// <summary>
/// Marks the database as held by a running bot: an exclusive lock on <c>&lt;database&gt;.lock</c> (an OS file lock, so it
/// goes with the process however it ends) for as long as the host runs. <c>data restore</c> refuses to replace a database
/// whose lock someone holds. A second bot on the same file only gets a warning: SQLite itself keeps the data safe.
/// </summary>
public sealed partial class DatabaseLock(DatabaseLocation location, ILogger<DatabaseLock> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock, or returns null when another process (or host) holds it.</summary>
    public static FileStream? TryTake(string databasePath)
    {
        try
        {
            var directory = Path.GetDirectoryName(databasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            return new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (location.IsPostgres)
        {
            // No file to restore over: data restore refuses PostgreSQL (pg_restore's job), and processes share the server by design.
            return Task.CompletedTask;
        }

        try
        {
            _lock = TryTake(location.Path);
            if (_lock is null)
            {
                LogHeldElsewhere(PathFor(location.Path));
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            LogCannotLock(ex, PathFor(location.Path));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another PrepBot holds {LockFile}: two bots share this database")]
    private partial void LogHeldElsewhere(string lockFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot create {LockFile}; data restore will not see that this bot runs")]
    private partial void LogCannotLock(Exception exception, string lockFile);
}
