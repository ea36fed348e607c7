using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// Builds each <c>&lt;content&gt;/datasets/&lt;name&gt;.sql</c> once per process into an in-memory SQLite database
/// and keeps its serialised image; a script whose file changed (time or size) is built again on next use, so
/// edited datasets hot-reload like cards. A script that fails is remembered as failing until it changes.
/// Thread-safe.
/// </summary>
public sealed partial class DatasetLibrary(ILogger<DatasetLibrary> logger)
{
    public const string FolderName = "datasets";

    private const int SampleRowCount = 3;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _buildLock = new();
    private long _builds;

    /// <summary>The script's full path for a dataset name.</summary>
    public static string PathOf(string contentDirectory, string name) =>
        Path.GetFullPath(Path.Combine(contentDirectory, FolderName, name + ".sql"));

    /// <summary>The dataset, built now if it never was or its file changed since.</summary>
    /// <exception cref="DatasetException">The script is missing, unreadable, or fails to run.</exception>
    public Dataset Get(string contentDirectory, string name)
    {
        var path = PathOf(contentDirectory, name);
        var stamp = Stamp(path, name);
        if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp)
        {
            return entry.Dataset ?? throw entry.Error!;
        }

        lock (_buildLock)
        {
            if (!_entries.TryGetValue(path, out entry) || entry.Stamp != stamp)
            {
                entry = Build(name, path, stamp);
                _entries[path] = entry;
            }
        }

        return entry.Dataset ?? throw entry.Error!;
    }

    private static (long Ticks, long Length) Stamp(string path, string name)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new DatasetException($"dataset '{name}' not found: there is no {FolderName}/{name}.sql", path, 1);
        }

        return (file.LastWriteTimeUtc.Ticks, file.Length);
    }

    private Entry Build(string name, string path, (long Ticks, long Length) stamp)
    {
        var started = Stopwatch.GetTimestamp();
        string script;
        try
        {
            script = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Entry(stamp, null, new DatasetException($"cannot read dataset '{name}': {e.Message}", path, 1));
        }

        SqliteNative.EnsureInitialized();
        if (raw.sqlite3_open(":memory:", out var db) != raw.SQLITE_OK)
        {
            db.Dispose();
            return new Entry(stamp, null, new DatasetException($"cannot open an in-memory database for dataset '{name}'", path, 1));
        }

        using (db)
        {
            if (RunScript(db, script, path) is { } failure)
            {
                LogBuildFailed(logger, path, failure.Line, failure.Message);
                return new Entry(stamp, null, failure);
            }

            var tables = DescribeTables(db);
            var image = Serialize(db);
            var dataset = new Dataset(name, path, Interlocked.Increment(ref _builds), image, tables);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogBuilt(logger, name, tables.Count, image.Length, elapsed.TotalMilliseconds);
            return new Entry(stamp, dataset, null);
        }
    }

    /// <summary>Runs the script statement by statement, so a failure can name its line; null when all ran.</summary>
    private static DatasetException? RunScript(sqlite3 db, string script, string path)
    {
        var rest = script;
        var consumed = 0;
        while (!SqlText.IsBlank(rest))
        {
            var statementStart = consumed + SqlText.SkipTrivia(rest, 0, skipParentheses: false, skipSemicolons: true);
            var rc = raw.sqlite3_prepare_v2(db, rest, out var statement, out var tail);
            using (statement)
            {
                if (rc != raw.SQLITE_OK)
                {
                    var offset = SqliteNative.ErrorOffset(db);
                    var at = offset >= 0 ? consumed + SqlText.CharIndexOfUtf8Offset(rest, offset) : statementStart;
                    return Failure(db, script, path, at);
                }

                if (statement.IsInvalid)
                {
                    break;
                }

                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                }

                if (rc != raw.SQLITE_DONE)
                {
                    return Failure(db, script, path, statementStart);
                }
            }

            tail ??= string.Empty;
            if (tail.Length >= rest.Length)
            {
                break;
            }

            consumed += rest.Length - tail.Length;
            rest = tail;
        }

        return null;
    }

    private static DatasetException Failure(sqlite3 db, string script, string path, int index)
    {
        var (line, _) = SqlText.Position(script, index);
        return new DatasetException(
            $"this statement of the dataset script fails: {raw.sqlite3_errmsg(db).utf8_to_string()}",
            path,
            line);
    }

    private static List<DatasetTable> DescribeTables(sqlite3 db)
    {
        var tables = new List<DatasetTable>();
        var names = SqliteValues.Query(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY rowid");
        foreach (var name in names.Select(row => (string)row[0]!))
        {
            var columns = SqliteValues.Query(db, "SELECT name, type FROM pragma_table_info(?1)", name)
                .Select(row => new DatasetColumn((string)row[0]!, row[1] as string ?? string.Empty))
                .ToList();
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var count = (long)SqliteValues.Query(db, $"SELECT COUNT(*) FROM {quoted}")[0][0]!;
            var sample = SqliteValues.Query(db, $"SELECT * FROM {quoted} LIMIT {SampleRowCount}");
            tables.Add(new DatasetTable(name, columns, count, sample));
        }

        return tables;
    }

    private static byte[] Serialize(sqlite3 db)
    {
        var pointer = raw.sqlite3_serialize(db, "main", out var size, 0);
        if (pointer == IntPtr.Zero)
        {
            throw new InvalidOperationException("sqlite3_serialize returned nothing for a dataset database.");
        }

        try
        {
            var image = new byte[size];
            Marshal.Copy(pointer, image, 0, image.Length);
            return image;
        }
        finally
        {
            raw.sqlite3_free(pointer);
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Built dataset {Name}: {TableCount} tables, {Bytes} bytes in {Milliseconds:0.0} ms")]
    private static partial void LogBuilt(ILogger logger, string name, int tableCount, int bytes, double milliseconds);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Dataset script {Path} fails on line {Line}: {Problem}")]
    private static partial void LogBuildFailed(ILogger logger, string path, int line, string problem);

    private sealed record Entry((long Ticks, long Length) Stamp, Dataset? Dataset, DatasetException? Error);
}
