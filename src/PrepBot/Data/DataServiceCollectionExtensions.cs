using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Data.Postgres;

namespace PrepBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The database through EF Core, migrated at start-up: SQLite (the default) with its pragmas and the WAL checkpointer, or
    /// PostgreSQL (<c>Data:Provider=Postgres</c>) with Npgsql's retry on failure. The stores built on it are their owners' to register.
    /// </summary>
    public static IServiceCollection AddPrepBotData(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("PrepBot"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = string.IsNullOrWhiteSpace(options.DatabasePath)
                ? DataOptions.DefaultDatabasePath
                : Path.GetFullPath(options.DatabasePath, root);
            return new DatabaseLocation(path, options.IsPostgres ? PostgresDatabase.Describe(options.ConnectionString!) : null);
        });

        // The stores take IDbContextFactory<PrepBotDbContext>: on PostgreSQL it hands out PostgresPrepBotDbContext (its own migrations).
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            if (options.IsPostgres)
            {
                var postgres = new DbContextOptionsBuilder<PostgresPrepBotDbContext>().UseApplicationServiceProvider(provider);
                PostgresDatabase.Configure(
                    postgres, options.ConnectionString!, retryOnFailure: true, provider.GetRequiredService<ILoggerFactory>(), options.Synchronous, options.EffectivePostgresPoolSize);
                return PostgresDatabase.Adapt(new PooledDbContextFactory<PostgresPrepBotDbContext>(postgres.Options));
            }

            var location = provider.GetRequiredService<DatabaseLocation>();
            var connection = new SqliteConnectionStringBuilder { DataSource = location.Path, Pooling = true }.ToString();
            var sqlite = new DbContextOptionsBuilder<PrepBotDbContext>()
                .UseApplicationServiceProvider(provider)
                .UseSqlite(connection)
                .AddInterceptors(new SqlitePragmas(options.Synchronous));
            return (IDbContextFactory<PrepBotDbContext>)new PooledDbContextFactory<PrepBotDbContext>(sqlite.Options);
        });

        // Group commit of small concurrent writes (enrolments, the server roster): see GroupCommitWriter.
        services.AddSingleton<GroupCommitWriter>();

        // First hosted service: every later one sees the current schema. Then, on PostgreSQL, the pool's connections are opened.
        services.AddHostedService<DatabaseMigrator>();
        services.AddHostedService<PostgresPoolWarmer>();
        // SQLite only: the checkpointer of its write-ahead log idles on PostgreSQL, which checkpoints itself.
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<WalCheckpointer>());
        return services;
    }
}
