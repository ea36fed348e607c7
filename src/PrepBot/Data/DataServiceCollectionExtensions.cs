using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PrepBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>SQLite through EF Core, migrated at start-up, with the WAL checkpointer. The stores built on it are their owners' to register.</summary>
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
            return new DatabaseLocation(path);
        });

        services.AddPooledDbContextFactory<PrepBotDbContext>((provider, builder) =>
        {
            var location = provider.GetRequiredService<DatabaseLocation>();
            var options = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            var connection = new SqliteConnectionStringBuilder { DataSource = location.Path, Pooling = true }.ToString();
            builder.UseSqlite(connection).AddInterceptors(new SqlitePragmas(options.Synchronous));
        });

        // Group commit of small concurrent writes (enrolments, the server roster): see GroupCommitWriter.
        services.AddSingleton<GroupCommitWriter>();

        // First hosted service: every later one sees the current schema.
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<WalCheckpointer>());
        return services;
    }
}
