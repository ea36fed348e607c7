using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PrepBot.Data.Postgres;

/// <summary>A copy that did not happen; the message says why in one line, and the target was left as it was (or empty).</summary>
public sealed class DataCopyException(string message, bool badTarget = false, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The target could not be used at all (not a connection string, unreachable): a configuration problem.</summary>
    public bool BadTarget { get; } = badTarget;
}

/// <summary>One table copied: its rows on both sides and the checksum both sides agree on.</summary>
public sealed record TableCopy(string Table, long Rows, ulong Checksum)
{
    public string ChecksumText => Checksum.ToString("x16", CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>data copy --to-postgres</c>: copies every table of the SQLite database into an empty PostgreSQL database. The target is
/// refused unless every PrepBot table in it is empty and it holds no table that is not PrepBot's (Quartz's <c>qrtz_</c> tables
/// aside); it is then brought to the latest PostgreSQL migration. The source is read in one read transaction (a consistent
/// snapshot, also while the bot runs) and written in one PostgreSQL transaction, parents before children, identity sequences
/// moved past the copied ids; before committing, every table's row count and checksum (a sum of SHA-256 over each row's values
/// as the model reads them, so independent of row order and of how each engine stores them) are compared on both sides. Any
/// difference rolls the whole copy back, leaving the target empty to try again.
/// </summary>
public sealed partial class PostgresCopyStore(IDbContextFactory<PrepBotDbContext> source, DatabaseLocation location, ILogger<PostgresCopyStore> logger)
{
    private const int BatchSize = 1000;

    /// <summary>EF Core's own bookkeeping: the migration history (each engine keeps its own) and the SQLite migration lock.</summary>
    private static readonly string[] EfTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    private static readonly MethodInfo CopyTableMethod =
        typeof(PostgresCopyStore).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ReadTableMethod =
        typeof(PostgresCopyStore).GetMethod(nameof(ReadTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<IReadOnlyList<TableCopy>> CopyAsync(string targetConnectionString, CancellationToken cancellationToken)
    {
        if (!PostgresDatabase.IsValidConnectionString(targetConnectionString))
        {
            throw new DataCopyException(
                "data copy: --to-postgres: not a PostgreSQL connection string with a Host (Npgsql's keys: Host, Port, Database, Username, Password).", badTarget: true);
        }

        var where = PostgresDatabase.Describe(targetConnectionString);
        if (!File.Exists(location.Path))
        {
            throw new DataCopyException($"data copy: there is no database at {location.Path} (Data:DatabasePath), so nothing to copy.");
        }

        try
        {
            await PostgresStartCheck.EnsureReachableAsync(targetConnectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException ex)
        {
            throw new DataCopyException($"data copy: --to-postgres: cannot connect to PostgreSQL at {where}: {ex.InnerException?.Message}", badTarget: true, ex);
        }

        await using var from = await source.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tables = InsertOrder(from.Model);
        await EnsureSourceTablesKnownAsync(from, tables, cancellationToken).ConfigureAwait(false);
        await EnsureTargetEmptyAsync(targetConnectionString, where, tables, cancellationToken).ConfigureAwait(false);

        await using var to = await PostgresDatabase.CreateFactory(targetConnectionString, retryOnFailure: false).CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var step = "migrating it";
        try
        {
            await to.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

            // One snapshot of the source (a deferred read transaction, which does not hold up a running bot's writes), one
            // transaction on the target: all of it or none of it.
            var sqlite = await StorageEncoding.OpenConnectionAsync(from, cancellationToken).ConfigureAwait(false);
            await using var read = sqlite.BeginTransaction(deferred: true);
            await from.Database.UseTransactionAsync(read, cancellationToken).ConfigureAwait(false);
            await using var write = await to.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var copies = new List<TableCopy>();
            foreach (var table in tables)
            {
                step = $"copying {table.GetTableName()}";
                var copied = await InvokeAsync(CopyTableMethod, table, from, to, cancellationToken).ConfigureAwait(false);
                var check = await InvokeAsync(ReadTableMethod, table, to, null, cancellationToken).ConfigureAwait(false);
                if (check.Rows != copied.Rows || check.Checksum != copied.Checksum)
                {
                    throw new DataCopyException(
                        $"data copy: {copied.Table}: the copy differs from the source ({copied.Rows} rows, checksum {copied.ChecksumText} in SQLite; "
                        + $"{check.Rows} rows, checksum {check.ChecksumText} in PostgreSQL), so nothing was kept.");
                }

                copies.Add(copied);
                LogTableCopied(copied.Table, copied.Rows, copied.ChecksumText);
            }

            step = "moving identity sequences";
            await MoveIdentitiesPastCopiedIdsAsync(to, cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            var rows = copies.Sum(c => c.Rows);
            LogCopied(location.Path, where, rows);
            return copies;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or DbUpdateException)
        {
            throw new DataCopyException($"data copy: copying into PostgreSQL at {where} failed while {step}, so nothing was kept: {ex.GetBaseException().Message}", innerException: ex);
        }
    }

    /// <summary>Every table of the model, each after the tables its foreign keys point to.</summary>
    private static List<IEntityType> InsertOrder(IModel model)
    {
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType type, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(type) || !visiting.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != type))
            {
                Place(principal, visiting);
            }

            placed.Add(type);
            ordered.Add(type);
        }

        foreach (var type in model.GetEntityTypes().OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            Place(type, []);
        }

        return ordered;
    }

    /// <summary>A table in the SQLite file that the model does not know would be left behind: refuse rather than copy part of it.</summary>
    private static async Task EnsureSourceTablesKnownAsync(PrepBotDbContext from, List<IEntityType> tables, CancellationToken cancellationToken)
    {
        var known = tables.Select(t => t.GetTableName()!).Concat(EfTables).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var connection = await StorageEncoding.OpenConnectionAsync(from, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var unknown = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!known.Contains(reader.GetString(0)))
                {
                    unknown.Add(reader.GetString(0));
                }
            }
        }

        if (unknown.Count > 0)
        {
            throw new DataCopyException($"data copy: the SQLite database has tables PrepBot's model does not know ({string.Join(", ", unknown)}); nothing was copied.");
        }
    }

    private static async Task EnsureTargetEmptyAsync(string connectionString, string where, List<IEntityType> tables, CancellationToken cancellationToken)
    {
        var ours = tables.Select(t => t.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var existing = new List<(string Schema, string Table)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var foreign = existing
            .Where(t => !(t.Schema == "public" && (ours.Contains(t.Table) || EfTables.Contains(t.Table) || t.Table.StartsWith("qrtz_", StringComparison.Ordinal))))
            .Select(t => $"{t.Schema}.{t.Table}")
            .ToList();
        if (foreign.Count > 0)
        {
            throw new DataCopyException(
                $"data copy: PostgreSQL at {where} is not empty: it holds tables that are not PrepBot's ({string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", …" : string.Empty)}); "
                + "copy into a new, empty database. Nothing was copied.");
        }

        foreach (var table in existing.Where(t => t.Schema == "public" && ours.Contains(t.Table)).Select(t => t.Table))
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            var rows = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (rows > 0)
            {
                throw new DataCopyException(
                    $"data copy: PostgreSQL at {where} is not empty: {table} already holds {rows} rows; data copy only fills an empty database, "
                    + "so that no learner's history is merged or overwritten. Nothing was copied.");
            }
        }
    }

    /// <summary>Identity columns continue after the highest id copied, so the next row PostgreSQL numbers does not collide.</summary>
    private static async Task MoveIdentitiesPastCopiedIdsAsync(PrepBotDbContext to, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)to.Database.GetDbConnection();
        var identities = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'", connection))
        {
            command.Transaction = (NpgsqlTransaction?)to.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE(MAX(\"{column}\"), 1), MAX(\"{column}\") IS NOT NULL) FROM \"{table}\"",
                connection);
            command.Transaction = (NpgsqlTransaction?)to.Database.CurrentTransaction?.GetDbTransaction();
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<TableCopy> InvokeAsync(MethodInfo method, IEntityType table, PrepBotDbContext first, PrepBotDbContext? second, CancellationToken cancellationToken)
    {
        var generic = method.MakeGenericMethod(table.ClrType);
        object?[] arguments = second is null ? [first, table, cancellationToken] : [first, second, table, cancellationToken];
        return await ((Task<TableCopy>)generic.Invoke(null, arguments)!).ConfigureAwait(false);
    }

    private static async Task<TableCopy> CopyTableAsync<TEntity>(PrepBotDbContext from, PrepBotDbContext to, IEntityType table, CancellationToken cancellationToken)
        where TEntity : class
    {
        var properties = Properties(table);
        long rows = 0;
        ulong checksum = 0;
        await foreach (var entity in from.Set<TEntity>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            checksum = unchecked(checksum + RowHash(properties, entity));
            to.Set<TEntity>().Add(entity);
            if (++rows % BatchSize == 0)
            {
                await to.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                to.ChangeTracker.Clear();
            }
        }

        await to.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        to.ChangeTracker.Clear();
        return new TableCopy(table.GetTableName()!, rows, checksum);
    }

    private static async Task<TableCopy> ReadTableAsync<TEntity>(PrepBotDbContext db, IEntityType table, CancellationToken cancellationToken)
        where TEntity : class
    {
        var properties = Properties(table);
        long rows = 0;
        ulong checksum = 0;
        await foreach (var entity in db.Set<TEntity>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            checksum = unchecked(checksum + RowHash(properties, entity));
            rows++;
        }

        var counted = await db.Set<TEntity>().LongCountAsync(cancellationToken).ConfigureAwait(false);
        return new TableCopy(table.GetTableName()!, counted == rows ? rows : -1, checksum);
    }

    /// <summary>The model's properties of a table, by name; a shadow property (no CLR member) could not be copied, so it is refused.</summary>
    private static List<(string Name, Func<object, object?> Get)> Properties(IEntityType table) =>
        [.. table.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            Func<object, object?> get = p.PropertyInfo is { } property ? property.GetValue
                : p.FieldInfo is { } field ? field.GetValue
                : throw new InvalidOperationException($"{table.GetTableName()}.{p.Name} is a shadow property; data copy copies CLR properties only.");
            return (p.Name, get);
        })];

    /// <summary>The first 8 bytes of SHA-256 over the row's values written invariantly (name=value, a unit separator between).</summary>
    private static ulong RowHash(List<(string Name, Func<object, object?> Get)> properties, object entity)
    {
        var text = new StringBuilder();
        foreach (var (name, get) in properties)
        {
            text.Append(name).Append('=').Append(Canonical(get(entity))).Append('\u001f');
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BitConverter.ToUInt64(hash[..8]);
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u2400",
        DateTimeOffset instant => StorageEncoding.Millis(instant).ToString(CultureInfo.InvariantCulture),
        DateOnly day => StorageEncoding.Day(day),
        TimeOnly time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Table}: {Rows} rows, checksum {Checksum}")]
    private partial void LogTableCopied(string table, long rows, string checksum);

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Database} into PostgreSQL at {Target}: {Rows} rows")]
    private partial void LogCopied(string database, string target, long rows);
}
