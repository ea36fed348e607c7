using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PrepBot.Data;

namespace PrepBot.Operations.Backups;

/// <summary>A backup or restore that did not happen; the message says why, in one line, and nothing was changed.</summary>
public sealed class BackupException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Consistent copies of the live database, taken while the bot runs, and putting one back while it does not.
/// A copy is SQLite's online backup (one read transaction: every review committed before it began is in it, none
/// half-written), written to a <c>.partial</c> file that must pass <c>PRAGMA integrity_check</c> before it takes the
/// target's name. The live database is only read.
/// </summary>
public sealed partial class DatabaseBackupStore(DatabaseLocation location, TimeProvider time, ILogger<DatabaseBackupStore> logger)
{
    public const string DailyPrefix = "prepbot-";
    public const string DailyExtension = ".db";

    /// <summary>Copies the database to <paramref name="target"/> (a file path; an existing file is replaced).</summary>
    public async Task<FileInfo> BackupAsync(string target, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(target);
        if (!File.Exists(location.Path))
        {
            throw new BackupException($"data backup: there is no database at {location.Path} (see Data:DatabasePath).");
        }

        if (string.Equals(full, location.Path, StringComparison.Ordinal))
        {
            throw new BackupException($"data backup: {full} is the database itself; name another file.");
        }

        var folder = Path.GetDirectoryName(full)!;
        var partial = full + ".partial";
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(partial, [], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"data backup: cannot write to {folder}: {ex.Message} The database was not touched.", ex);
        }

        try
        {
            // Read-write (though it only reads): a read-only connection to a WAL database leaves empty -wal and -shm files behind.
            await Task.Run(() => Copy(location.Path, partial, SqliteOpenMode.ReadWrite), cancellationToken).ConfigureAwait(false);
            Check(partial, "data backup: the copy");
            File.Move(partial, full, overwrite: true);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new BackupException($"data backup: copying {location.Path} to {full} failed: {ex.Message} The database was not touched.", ex);
        }

        var file = new FileInfo(full);
        LogBackedUp(location.Path, full, file.Length);
        return file;
    }

    /// <summary>
    /// Replaces the database with <paramref name="source"/>, after checking it is a sound PrepBot database, unless a running
    /// bot holds the database. The database it replaces is kept beside it as <c>.before-restore-…</c>.
    /// </summary>
    public async Task<string?> RestoreAsync(string source, CancellationToken cancellationToken)
    {
        var from = Path.GetFullPath(source);
        if (!File.Exists(from))
        {
            throw new BackupException($"data restore: there is no file {from}.");
        }

        using var held = DatabaseLock.TryTake(location.Path) ?? throw new BackupException(
            $"data restore: a running PrepBot holds {location.Path} (it keeps {DatabaseLock.PathFor(location.Path)} locked); stop the bot first, then restore. Nothing was changed.");
        try
        {
            Check(from, $"data restore: {from}");
            using (var probe = Open(from, SqliteOpenMode.ReadOnly))
            {
                using var command = probe.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
                if ((long)command.ExecuteScalar()! == 0)
                {
                    throw new BackupException($"data restore: {from} is not a PrepBot database (it has no migration history). Nothing was changed.");
                }
            }

            var restoring = location.Path + ".restoring";
            await Task.Run(() => Copy(from, restoring, SqliteOpenMode.ReadOnly), cancellationToken).ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
            string? kept = null;
            if (File.Exists(location.Path))
            {
                kept = $"{location.Path}.before-restore-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
                Copy(location.Path, kept, SqliteOpenMode.ReadWrite);
            }

            TryDelete(location.Path + "-wal");
            TryDelete(location.Path + "-shm");
            File.Move(restoring, location.Path, overwrite: true);
            LogRestored(from, location.Path);
            return kept;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"data restore: restoring {from} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> daily copies in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Rotate(string folder, int keep)
    {
        var old = new DirectoryInfo(folder).GetFiles($"{DailyPrefix}*{DailyExtension}")
            .OrderByDescending(file => file.Name, StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var file in old)
        {
            file.Delete();
        }

        return [.. old.Select(file => file.FullName)];
    }

    /// <summary>The file name of the daily copy taken at <paramref name="at"/> (sorts by time).</summary>
    public static string DailyName(DateTimeOffset at) =>
        DailyPrefix + at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + DailyExtension;

    private static void Copy(string from, string to, SqliteOpenMode sourceMode)
    {
        TryDelete(to);
        using var source = Open(from, sourceMode);
        using var destination = Open(to, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(destination);
        using var command = destination.CreateCommand();

        // One self-contained file: no WAL beside the copy.
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    private static void Check(string path, string what)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = command.ExecuteScalar() as string;
        if (result != "ok")
        {
            throw new BackupException($"{what} fails SQLite's integrity check ({result}). Nothing was changed.");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: harmless, and replaced next time.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up {Database} to {Backup} ({Bytes} bytes)")]
    private partial void LogBackedUp(string database, string backup, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Backup} into {Database}")]
    private partial void LogRestored(string backup, string database);
}
