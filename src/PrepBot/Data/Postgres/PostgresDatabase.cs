using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace PrepBot.Data.Postgres;

/// <summary>PrepBot's database on PostgreSQL: the context options, a context factory the stores can take, and a safe description of where it is.</summary>
public static class PostgresDatabase
{
    /// <summary>Where the connection string of PostgreSQL is read from.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:PrepBot";

    public static DbContextOptions<PostgresPrepBotDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresPrepBotDbContext>().UseNpgsql(connectionString).Options;

    /// <summary>A pooled factory of <see cref="PostgresPrepBotDbContext"/>, as the <c>IDbContextFactory&lt;PrepBotDbContext&gt;</c> every store takes.</summary>
    public static IDbContextFactory<PrepBotDbContext> CreateFactory(string connectionString) =>
        new PostgresContextFactory(new PooledDbContextFactory<PostgresPrepBotDbContext>(Options(connectionString)));

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
