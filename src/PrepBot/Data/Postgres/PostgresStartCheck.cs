using System.Net.Sockets;
using Npgsql;

namespace PrepBot.Data.Postgres;

/// <summary>
/// What starting PrepBot with <c>Data:Provider=Postgres</c> checks first: PostgreSQL must be reachable, else one configuration
/// error naming <c>ConnectionStrings:PrepBot</c> (and where, never the password) rather than a host failing half-way. Every mode
/// that uses the database calls it after the settings are validated; <c>data copy</c> checks its own target.
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

        await EnsureReachableAsync(options.ConnectionString!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens one connection, or throws <see cref="DatabaseUnavailableException"/> naming the key and where (no password).</summary>
    public static async Task EnsureReachableAsync(string connectionString, CancellationToken cancellationToken)
    {
        var where = PostgresDatabase.Describe(connectionString);
        try
        {
            // Not pooled: this one connection is closed for good, not left idle beside the bot's own pool (and so not multiplexed:
            // Npgsql multiplexes only pooled connections).
            var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Multiplexing = false };
            await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"{PostgresDatabase.ConnectionStringKey}: cannot connect to PostgreSQL at {where}: {ex.Message}", ex);
        }
    }
}

/// <summary>What was asked cannot be done on the configured database engine (a file backup of PostgreSQL); the message says what to use instead.</summary>
public sealed class DatabaseNotSupportedException(string message) : Exception(message);
