using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PrepBot.Data.Postgres;

/// <summary>
/// On PostgreSQL, opens the pool's connections (<c>Data:PostgresPoolSize</c>, or the connection string's <c>Minimum Pool Size</c>)
/// at start, right after the migrations: each is a server process that takes a few milliseconds of the server's CPU to fork, which a
/// class of learners arriving at once would otherwise pay in the middle of their first answers. The pool keeps them open until
/// the host stops. Nothing to do on SQLite.
/// </summary>
internal sealed partial class PostgresPoolWarmer(
    IDbContextFactory<PrepBotDbContext> contextFactory, IOptions<DataOptions> options, DatabaseLocation location, ILogger<PostgresPoolWarmer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = options.Value;
        if (!data.IsPostgres)
        {
            return;
        }

        var count = ConnectionsKept(data);
        var contexts = new List<PrepBotDbContext>(count);
        try
        {
            // Held open together, so each is a connection of its own rather than the same one handed back.
            for (var i = 0; i < count; i++)
            {
                var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                contexts.Add(db);
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException
            || (ex is RetryLimitExceededException or InvalidOperationException && ex.InnerException is NpgsqlException or TimeoutException))
        {
            // Typically the server's max_connections (or a role's limit), shared by every process and client of the server. The
            // retrying execution strategy wraps what still failed after its retries.
            var root = ex.InnerException is NpgsqlException or TimeoutException ? ex.InnerException : ex;
            throw new DatabaseUnavailableException(
                $"Data:PostgresPoolSize: opened {contexts.Count - 1} of the {count} connections this process keeps to PostgreSQL at {location.Postgres}: "
                + $"{root.Message.TrimEnd('.')}. Lower Data:PostgresPoolSize, or raise the server's max_connections.",
                ex);
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }

        LogOpened(logger, count, location.Postgres!);
    }

    /// <summary>
    /// Closes the pool's idle connections (and the others as they are handed back) when the host stops, so a stopped host does not
    /// keep server processes open for the life of the process that ran it.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        var data = options.Value;
        if (data.IsPostgres)
        {
            using var pooled = new NpgsqlConnection(PoolConnectionString(data));
            NpgsqlConnection.ClearPool(pooled);
        }

        return Task.CompletedTask;
    }

    /// <summary>How many connections the bot's pool keeps open: its <c>Minimum Pool Size</c> after PrepBot's defaults.</summary>
    private static int ConnectionsKept(DataOptions data) => new NpgsqlConnectionStringBuilder(PoolConnectionString(data)).MinPoolSize;

    /// <summary>The connection string the bot's contexts use, which names their pool (see <c>AddPrepBotData</c>).</summary>
    private static string PoolConnectionString(DataOptions data) =>
        PostgresDatabase.Tuned(data.ConnectionString!, data.Synchronous, data.EffectivePostgresPoolSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Count} pooled connections to PostgreSQL at {Database}")]
    private static partial void LogOpened(ILogger logger, int count, string database);
}
