using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PrepBot.Data.Postgres;

/// <summary>PrepBot's database on PostgreSQL: the context options, a context factory the stores can take, and a safe description of where it is.</summary>
public static class PostgresDatabase
{
    /// <summary>How PrepBot's connections are named on the server (<c>pg_stat_activity.application_name</c>) unless the connection string names them.</summary>
    public const string ApplicationName = "PrepBot";

    /// <summary>Where the connection string of PostgreSQL is read from.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:PrepBot";

    /// <summary>
    /// The context options: with <paramref name="retryOnFailure"/> (the bot's), a lost or reset connection is retried from the
    /// start of the unit of work (<see cref="PostgresRetryStrategy"/>, each retry logged through <paramref name="loggers"/>);
    /// without it every failure surfaces at once (the one-shot <c>data copy</c>).
    /// </summary>
    public static DbContextOptions<PostgresPrepBotDbContext> Options(
        string connectionString, bool retryOnFailure = true, ILoggerFactory? loggers = null, string synchronous = "Normal", int? poolSize = null)
    {
        var builder = new DbContextOptionsBuilder<PostgresPrepBotDbContext>();
        Configure(builder, connectionString, retryOnFailure, loggers, synchronous, poolSize);
        return builder.Options;
    }

    /// <summary>Points <paramref name="builder"/> at PostgreSQL as <see cref="Options"/> does (for a factory registered in DI).</summary>
    public static void Configure(
        DbContextOptionsBuilder builder, string connectionString, bool retryOnFailure, ILoggerFactory? loggers, string synchronous = "Normal", int? poolSize = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(Tuned(connectionString, synchronous, poolSize), npgsql =>
        {
            if (retryOnFailure)
            {
                var logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<PostgresRetryStrategy>();
                npgsql.ExecutionStrategy(dependencies => new PostgresRetryStrategy(dependencies, logger));
            }
        });
    }

    /// <summary>
    /// The connection string with PrepBot's defaults for what the operator did not set: Npgsql prepares the statements a
    /// process runs again and again on the server (<c>Max Auto Prepare=64</c>: the grade's and the due queue's SQL is parsed and
    /// planned once per connection, not per call), and a pooled connection is handed back without <c>DISCARD ALL</c>
    /// (<c>No Reset On Close=true</c>: PrepBot sets no session state; its advisory locks end with their transaction).
    /// <c>Data:Synchronous</c> means on PostgreSQL what it means on SQLite: <c>Normal</c> sets the session's
    /// <c>synchronous_commit=off</c> (a commit returns once it is in the server's write-ahead log, which is flushed within a
    /// fraction of a second: a crash of PrepBot or a clean restart of the server loses nothing; a crash of the server or its
    /// machine can lose the last moments of commits, never corrupt the database), <c>Full</c> and <c>Extra</c> keep the server's
    /// setting (on by default: each commit waits for its flush). A <c>synchronous_commit</c> the operator put in the connection
    /// string's <c>Options</c> wins. With <paramref name="poolSize"/> (the bot's <c>Data:PostgresPoolSize</c>) the pool holds at most
    /// that many connections and keeps them open when idle (<c>Maximum Pool Size</c>, <c>Minimum Pool Size</c>), unless the
    /// connection string sets them. Connections are named <see cref="ApplicationName"/> on the server unless the string names them.
    /// </summary>
    public static string Tuned(string connectionString, string synchronous = "Normal", int? poolSize = null)
    {
        // The keys the operator wrote, as Npgsql reads them: case and spaces do not matter ("Max Auto Prepare", "maxautoprepare").
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("ApplicationName"))
        {
            builder.ApplicationName = ApplicationName;
        }

        if (poolSize is { } size)
        {
            var minimumGiven = given.Contains("MinimumPoolSize") || given.Contains("MinPoolSize");
            if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize"))
            {
                builder.MaxPoolSize = minimumGiven ? Math.Max(size, builder.MinPoolSize) : size;
            }

            if (!minimumGiven)
            {
                builder.MinPoolSize = Math.Min(size, builder.MaxPoolSize);
            }
        }

        if (string.Equals(synchronous, "Normal", StringComparison.OrdinalIgnoreCase)
            && builder.Options?.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c synchronous_commit=off" : builder.Options + " -c synchronous_commit=off";
        }

        return builder.ConnectionString;
    }

    /// <summary>A pooled factory of <see cref="PostgresPrepBotDbContext"/>, as the <c>IDbContextFactory&lt;PrepBotDbContext&gt;</c> every store takes.</summary>
    public static IDbContextFactory<PrepBotDbContext> CreateFactory(
        string connectionString, bool retryOnFailure = true, ILoggerFactory? loggers = null, string synchronous = "Normal") =>
        Adapt(new PooledDbContextFactory<PostgresPrepBotDbContext>(Options(connectionString, retryOnFailure, loggers, synchronous)));

    /// <summary>A factory of <see cref="PostgresPrepBotDbContext"/> as the <c>IDbContextFactory&lt;PrepBotDbContext&gt;</c> the stores take.</summary>
    public static IDbContextFactory<PrepBotDbContext> Adapt(IDbContextFactory<PostgresPrepBotDbContext> factory) => new PostgresContextFactory(factory);

    /// <summary><c>host:port/database</c>, for messages: never the user's password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Whether <paramref name="connectionString"/> reads as an Npgsql connection string naming a host.</summary>
    public static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed class PostgresContextFactory(IDbContextFactory<PostgresPrepBotDbContext> inner) : IDbContextFactory<PrepBotDbContext>
    {
        public PrepBotDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<PrepBotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
