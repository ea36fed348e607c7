using System.Net.Sockets;
using Npgsql;

namespace PrepBot.Data.Postgres;

/// <summary>
/// What starting PrepBot with <c>Data:Provider=Postgres</c> does while the stores speak only SQLite: PostgreSQL must be
/// reachable (else one configuration error naming <c>ConnectionStrings:PrepBot</c>), and then running is refused by name rather
/// than half-working. Every mode that uses the database calls it after the settings are validated; <c>data copy</c> does not.
/// </summary>
public static class PostgresStartCheck
{
    public static async Task EnsureCanRunAsync(DataOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsPostgres)
        {
            return;
        }

        var where = PostgresDatabase.Describe(options.ConnectionString!);
        await EnsureReachableAsync(options.ConnectionString!, cancellationToken).ConfigureAwait(false);
        throw new DatabaseNotSupportedException(
            $"Data:Provider: PostgreSQL ({where}) is supported for `data copy --to-postgres` and not yet for running PrepBot; "
            + "set Data:Provider to Sqlite (the default) until it is.");
    }

    /// <summary>Opens one connection, or throws <see cref="DatabaseUnavailableException"/> naming the key and where (no password).</summary>
    public static async Task EnsureReachableAsync(string connectionString, CancellationToken cancellationToken)
    {
        var where = PostgresDatabase.Describe(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"{PostgresDatabase.ConnectionStringKey}: cannot connect to PostgreSQL at {where}: {ex.Message}", ex);
        }
    }
}

/// <summary>The configured database engine cannot run PrepBot yet; the message names the key.</summary>
public sealed class DatabaseNotSupportedException(string message) : Exception(message);
