using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrepBot.Data;

/// <summary>
/// Brings the database to the latest migration before anything else runs (on SQLite also creating its folder and switching it
/// to WAL), then runs the upgrade steps. Registered as the first hosted service, so features never see an old schema. On
/// PostgreSQL EF Core's migration lock makes two processes starting at once apply each migration once.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<PrepBotDbContext> contextFactory,
    DatabaseLocation location,
    ILogger<DatabaseMigrator> logger,
    IEnumerable<IDatabaseUpgradeStep>? upgradeSteps = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException or TimeoutException
            || (ex is InvalidOperationException && ex.InnerException is DbException or TimeoutException))
        {
            // On PostgreSQL the retrying execution strategy wraps a lasting failure in an InvalidOperationException.
            var root = ex.InnerException is DbException or TimeoutException ? ex.InnerException : ex;
            throw new DatabaseUnavailableException(
                location.IsPostgres
                    ? $"{Postgres.PostgresDatabase.ConnectionStringKey}: cannot open or upgrade the database at {location.Postgres}: {root.Message}"
                    : $"Data:DatabasePath: cannot open or upgrade the database '{location.Path}': {ex.Message}",
                ex);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!location.IsPostgres)
        {
            var directory = Path.GetDirectoryName(location.Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await EnsureHistoryTableAsync(db, cancellationToken).ConfigureAwait(false);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (!location.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        LogMigrated(location.Display, pending.Count);
        foreach (var step in upgradeSteps ?? [])
        {
            await step.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates EF Core's migration history table on a fresh database before anything reads it. On PostgreSQL, EF Core reads the
    /// table before creating it, and the failed read of a table that is not there yet is logged as an error
    /// (<c>fail: … Failed executing DbCommand … "__EFMigrationsHistory"</c>) on every first start: an operator's first sight of
    /// PrepBot on PostgreSQL was two errors about nothing. Two processes starting at once may both try to create it; the
    /// loser finds it there.
    /// </summary>
    private static async Task EnsureHistoryTableAsync(PrepBotDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        try
        {
            await history.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Created at the same moment by another process (PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a
            // concurrent one): once more finds theirs. Any other failure fails again, for the migration to report.
            await history.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is up to date ({Applied} migrations applied now)")]
    private partial void LogMigrated(string database, int applied);
}

/// <summary>
/// Data work a migration cannot do in SQL alone (e.g. replaying the review log through a model), run by the migrator right
/// after the schema is current and before anything is served. A step must be idempotent: it runs at every start and finds
/// nothing to do once done.
/// </summary>
public interface IDatabaseUpgradeStep
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>The database cannot be opened or migrated; the message names the setting and the file.</summary>
public sealed class DatabaseUnavailableException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>
/// Where learners' progress is kept, for start-up messages and the migrator: the resolved path of the SQLite file (on PostgreSQL
/// still the folder exports are written beside), and on PostgreSQL <c>host:port/database</c> (never the password).
/// </summary>
public sealed record DatabaseLocation(string Path, string? Postgres = null)
{
    public bool IsPostgres => Postgres is not null;

    /// <summary>What messages name: the file, or <c>PostgreSQL at host:port/database</c>.</summary>
    public string Display => Postgres is null ? Path : $"PostgreSQL at {Postgres}";
}
