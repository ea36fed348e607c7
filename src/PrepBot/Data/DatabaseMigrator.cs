using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrepBot.Data;

/// <summary>
/// Brings the database to the latest migration before anything else runs, and switches it to WAL.
/// Registered as the first hosted service, so features never see an old schema.
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            throw new DatabaseUnavailableException(
                $"Data:DatabasePath: cannot open or upgrade the database '{location.Path}': {ex.Message}", ex);
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(location.Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        LogMigrated(location.Path, pending.Count);
        foreach (var step in upgradeSteps ?? [])
        {
            await step.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} is up to date ({Applied} migrations applied now)")]
    private partial void LogMigrated(string path, int applied);
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

/// <summary>The resolved path of the SQLite file, for start-up messages and the migrator.</summary>
public sealed record DatabaseLocation(string Path);
