using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using PrepBot.Telemetry;
using SQLitePCL;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// Runs one learner query against a fresh in-memory copy of a dataset, treating the query as hostile: only a
/// single SELECT (or WITH … SELECT) is run, enforced by SQLite's authorizer on a read-only, defensive
/// connection, and the run is stopped at the time, row, value-size and heap limits of <see cref="SqlPracticeOptions"/>.
/// Thread-safe: every run has its own connection.
/// </summary>
public sealed class SqlSandbox
{
    /// <summary>How many SQLite VM steps between two looks at the clock (a few microseconds of work).</summary>
    private const int ProgressInterval = 1000;

    private const string OnlySelect = "only one SELECT query (or WITH … SELECT) runs against the dataset";

    private static readonly HashSet<string> DeniedFunctions = new(StringComparer.OrdinalIgnoreCase) { "load_extension", "fts3_tokenizer" };

    private readonly SqlPracticeOptions _options;

    public SqlSandbox(IOptions<SqlPracticeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        SqliteNative.EnsureInitialized();
        if (_options.HeapLimitMegabytes > 0)
        {
            // Process-wide: SQLite has no per-connection heap limit (see SqlPracticeOptions.HeapLimitMegabytes).
            raw.sqlite3_hard_heap_limit64(_options.HeapLimitMegabytes * 1024L * 1024L);
        }
    }

    /// <summary>Runs <paramref name="query"/> on a fresh copy of <paramref name="dataset"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the query ran.</exception>
    public SqlRun Run(Dataset dataset, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > _options.MaxQueryLength)
        {
            return SqlRun.Refused(string.Create(CultureInfo.InvariantCulture,
                $"Your query is {query.Length:N0} characters long; the limit is {_options.MaxQueryLength:N0}."));
        }

        var keyword = SqlText.LeadingKeyword(query);
        if (keyword.Length == 0)
        {
            return SqlRun.Refused("The query is empty: write one SELECT statement.");
        }

        if (keyword is not ("SELECT" or "WITH"))
        {
            return SqlRun.Refused($"{keyword} is not allowed here: {OnlySelect}.", SqlText.SkipTrivia(query, 0, skipParentheses: true));
        }

        using var db = OpenCopy(dataset);
        var guard = new Guard(Stopwatch.GetTimestamp() + (long)(_options.TimeLimitMilliseconds / 1000.0 * Stopwatch.Frequency), cancellationToken);
        Lock(db, guard);
        return Execute(db, query, guard);
    }

    private SqlRun Execute(sqlite3 db, string query, Guard guard)
    {
        var rc = raw.sqlite3_prepare_v2(db, query, out var statement, out var tail);
        using (statement)
        {
            if (rc != raw.SQLITE_OK)
            {
                return Error(db, query, rc, guard);
            }

            if (statement.IsInvalid)
            {
                return SqlRun.Refused("The query is empty: write one SELECT statement.");
            }

            if (!SqlText.IsBlank(tail ?? string.Empty))
            {
                var at = query.Length - tail!.Length;
                var (line, column) = SqlText.Position(query, SqlText.SkipTrivia(query, at, skipParentheses: false, skipSemicolons: true));
                return SqlRun.Refused(
                    string.Create(CultureInfo.InvariantCulture, $"Only one statement is allowed, but another one starts at line {line}, column {column}: remove everything after the first statement's ';'."),
                    SqlText.SkipTrivia(query, at, skipParentheses: false, skipSemicolons: true));
            }

            if (raw.sqlite3_stmt_readonly(statement) == 0)
            {
                return SqlRun.Refused($"This statement would change the database: {OnlySelect}.");
            }

            var columns = SqliteValues.ColumnNames(statement);
            var rows = new List<object?[]>();
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (rows.Count == _options.MaxRows)
                {
                    Stopped("rows");
                    return SqlRun.Refused(string.Create(CultureInfo.InvariantCulture,
                        $"Your query returns more than {_options.MaxRows:N0} rows, the most PrepBot reads. Check your joins and filters: the answer is smaller than that."));
                }

                rows.Add(SqliteValues.ReadRow(statement, columns.Count));
            }

            return rc == raw.SQLITE_DONE
                ? new SqlRun(SqlRunStatus.Completed, new QueryResult(columns, rows), string.Empty, null, guard.TablesRead)
                : Error(db, query, rc, guard);
        }
    }

    private static void Stopped(string limit) => PrepBotMetrics.SqlSandboxStops.Add(1, new KeyValuePair<string, object?>("limit", limit));

    private SqlRun Error(sqlite3 db, string query, int rc, Guard guard)
    {
        guard.Token.ThrowIfCancellationRequested();
        if (guard.Denied is { } denied)
        {
            return SqlRun.Refused(denied);
        }

        switch (rc & 0xFF)
        {
            case raw.SQLITE_INTERRUPT:
                Stopped("time");
                return SqlRun.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"Your query ran for more than {_options.TimeLimitMilliseconds / 1000.0:0.##} s and was stopped. Look for a join without a condition, or a recursive CTE that never stops."));
            case raw.SQLITE_NOMEM:
                Stopped("memory");
                return SqlRun.Refused("Your query needed more memory than PrepBot allows and was stopped. Look for a join without a condition, or a huge sort or recursion.");
            case raw.SQLITE_TOOBIG:
                Stopped("value_size");
                return SqlRun.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"Your query built a text or blob value longer than {_options.MaxValueBytes:N0} bytes and was stopped."));
        }

        var message = raw.sqlite3_errmsg(db).utf8_to_string() ?? raw.sqlite3_errstr(rc).utf8_to_string() ?? "unknown error";
        var offset = SqliteNative.ErrorOffset(db);
        return SqlRun.Failed(message, offset >= 0 ? SqlText.CharIndexOfUtf8Offset(query, offset) : null);
    }

    /// <summary>A new in-memory database holding a private, read-only copy of the dataset's image.</summary>
    private static sqlite3 OpenCopy(Dataset dataset)
    {
        var rc = raw.sqlite3_open_v2(":memory:", out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE, null);
        if (rc != raw.SQLITE_OK)
        {
            db.Dispose();
            throw new InvalidOperationException($"Cannot open an in-memory SQLite database (error {rc}).");
        }

        var image = dataset.Image;
        if (image.Length == 0)
        {
            return db;
        }

        var copy = raw.sqlite3_malloc64(image.Length);
        if (copy == IntPtr.Zero)
        {
            db.Dispose();
            throw new InsufficientMemoryException("SQLite could not allocate memory for a copy of the dataset.");
        }

        Marshal.Copy(image, 0, copy, image.Length);

        // FREEONCLOSE hands the buffer to SQLite (it frees it on close, or at once if this call fails).
        rc = raw.sqlite3_deserialize(db, "main", copy, image.Length, image.Length,
            raw.SQLITE_DESERIALIZE_FREEONCLOSE | raw.SQLITE_DESERIALIZE_READONLY);
        if (rc != raw.SQLITE_OK)
        {
            db.Dispose();
            throw new InvalidOperationException($"Cannot load dataset '{dataset.Name}' into a fresh database (SQLite error {rc}).");
        }

        return db;
    }

    /// <summary>Defensive mode, no extensions or attachments, bounded values, then the authorizer and the clock.</summary>
    private void Lock(sqlite3 db, Guard guard)
    {
        raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_DEFENSIVE, 1, out _);
        raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, out _);
        raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, out _);
        raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, out _);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_ATTACHED, 0);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_LENGTH, _options.MaxValueBytes);
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_SQL_LENGTH, Math.Max(_options.MaxQueryLength * 4, 1000));
        raw.sqlite3_set_authorizer(db, Authorize, guard);
        raw.sqlite3_progress_handler(db, ProgressInterval, Progress, guard);
    }

    private static int Authorize(object userData, int action, utf8z first, utf8z second, utf8z database, utf8z trigger)
    {
        var guard = (Guard)userData;
        switch (action)
        {
            case raw.SQLITE_SELECT:
            case raw.SQLITE_RECURSIVE:
                return raw.SQLITE_OK;
            case raw.SQLITE_READ:
                guard.Read(first.utf8_to_string(), database.utf8_to_string());
                return raw.SQLITE_OK;
            case raw.SQLITE_FUNCTION:
                var function = second.utf8_to_string() ?? string.Empty;
                if (!DeniedFunctions.Contains(function))
                {
                    return raw.SQLITE_OK;
                }

                guard.Deny($"The function {function}() is not allowed: {OnlySelect}, using SQLite's built-in functions.");
                return raw.SQLITE_DENY;
            default:
                guard.Deny($"{ActionName(action)} is not allowed here: {OnlySelect}.");
                return raw.SQLITE_DENY;
        }
    }

    private static int Progress(object userData)
    {
        var guard = (Guard)userData;
        return guard.Token.IsCancellationRequested || Stopwatch.GetTimestamp() > guard.Deadline ? 1 : 0;
    }

    private static string ActionName(int action) => action switch
    {
        raw.SQLITE_INSERT => "INSERT",
        raw.SQLITE_UPDATE => "UPDATE",
        raw.SQLITE_DELETE => "DELETE",
        raw.SQLITE_PRAGMA => "PRAGMA",
        raw.SQLITE_ATTACH => "ATTACH",
        raw.SQLITE_DETACH => "DETACH",
        raw.SQLITE_TRANSACTION => "A transaction (BEGIN, COMMIT, ROLLBACK)",
        raw.SQLITE_SAVEPOINT => "SAVEPOINT",
        raw.SQLITE_ALTER_TABLE => "ALTER TABLE",
        raw.SQLITE_REINDEX => "REINDEX",
        raw.SQLITE_ANALYZE => "ANALYZE",
        raw.SQLITE_CREATE_INDEX or raw.SQLITE_CREATE_TEMP_INDEX => "CREATE INDEX",
        raw.SQLITE_CREATE_TABLE or raw.SQLITE_CREATE_TEMP_TABLE => "CREATE TABLE",
        raw.SQLITE_CREATE_TRIGGER or raw.SQLITE_CREATE_TEMP_TRIGGER => "CREATE TRIGGER",
        raw.SQLITE_CREATE_VIEW or raw.SQLITE_CREATE_TEMP_VIEW => "CREATE VIEW",
        raw.SQLITE_CREATE_VTABLE => "CREATE VIRTUAL TABLE",
        raw.SQLITE_DROP_INDEX or raw.SQLITE_DROP_TEMP_INDEX => "DROP INDEX",
        raw.SQLITE_DROP_TABLE or raw.SQLITE_DROP_TEMP_TABLE => "DROP TABLE",
        raw.SQLITE_DROP_TRIGGER or raw.SQLITE_DROP_TEMP_TRIGGER => "DROP TRIGGER",
        raw.SQLITE_DROP_VIEW or raw.SQLITE_DROP_TEMP_VIEW => "DROP VIEW",
        raw.SQLITE_DROP_VTABLE => "DROP VIRTUAL TABLE",
        _ => string.Create(CultureInfo.InvariantCulture, $"This kind of statement (SQLite action {action})"),
    };

    /// <summary>Per-run state the authorizer and progress callbacks share.</summary>
    private sealed class Guard(long deadline, CancellationToken token)
    {
        private readonly List<string> _tablesRead = [];

        public CancellationToken Token { get; } = token;

        /// <summary>Stopwatch timestamp after which the query is interrupted.</summary>
        public long Deadline { get; } = deadline;

        /// <summary>The first refusal the authorizer gave, worded for the learner.</summary>
        public string? Denied { get; private set; }

        public IReadOnlyList<string> TablesRead => _tablesRead;

        public void Deny(string message) => Denied ??= message;

        public void Read(string? table, string? database)
        {
            if (table is not null && database == "main" && !_tablesRead.Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                _tablesRead.Add(table);
            }
        }
    }
}
