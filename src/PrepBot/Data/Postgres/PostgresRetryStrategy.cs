using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace PrepBot.Data.Postgres;

/// <summary>
/// Npgsql's retry on failure (<c>EnableRetryOnFailure</c>) with PrepBot's bounds: a unit of work that fails with a transient
/// error (a lost or reset connection, a server restarting or shutting down, a serialization failure or deadlock) runs again from
/// its start, up to <see cref="MaxRetries"/> times after short delays (about six seconds in all, time for a PostgreSQL restart
/// or a fail-over), each retry logged as a warning. The units are safe to re-run (see <c>StoreCommand.RunAsync</c>).
/// </summary>
public sealed partial class PostgresRetryStrategy(ExecutionStrategyDependencies dependencies, ILogger<PostgresRetryStrategy> logger)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, Delays[^1], ShutdownCodes)
{
    public const int MaxRetries = 6;

    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(250),
        TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(2),
    ];

    // admin_shutdown, crash_shutdown, cannot_connect_now: what a restarting server answers a connection it is closing or refusing.
    private static readonly string[] ShutdownCodes = [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow];

    private TimeSpan _delay;

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        if (base.GetNextDelay(lastException) is null)
        {
            return null;
        }

        _delay = Delays[Math.Min(ExceptionsEncountered.Count, Delays.Length) - 1];
        return _delay;
    }

    protected override void OnRetry()
    {
        var last = ExceptionsEncountered[^1];
        // The message says what failed (a reset stream, an administrator shutdown); Npgsql never puts the password in it.
        LogRetrying(ExceptionsEncountered.Count, MaxRetries, (long)_delay.TotalMilliseconds, (last as PostgresException)?.SqlState ?? last.GetType().Name, last.Message);
        base.OnRetry();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL unit of work failed ({Error}: {Reason}); retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
    private partial void LogRetrying(int attempt, int maxRetries, long delayMs, string error, string reason);
}
