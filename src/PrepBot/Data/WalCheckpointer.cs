using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrepBot.Data;

/// <summary>What one checkpoint did: WAL frames in the log, and how many of them are now in the database file.</summary>
public sealed record CheckpointResult(bool Busy, int LogFrames, int CheckpointedFrames);

/// <summary>
/// Copies the write-ahead log back into the database file every <see cref="DataOptions.CheckpointIntervalSeconds"/>
/// (a passive checkpoint, which never blocks readers or writers), and truncates it when the bot stops.
/// Connections run with automatic checkpoints off, so recording a review never waits for one. On PostgreSQL (which checkpoints
/// itself) it does nothing.
/// </summary>
internal sealed partial class WalCheckpointer(
    IDbContextFactory<PrepBotDbContext> contextFactory,
    IOptions<DataOptions> options,
    TimeProvider time,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>Raised after each background or final checkpoint.</summary>
    public event EventHandler<CheckpointResult>? Checkpointed;

    public async Task<CheckpointResult> CheckpointAsync(bool truncate, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new CheckpointResult(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2));
    }

    private PeriodicTimer? _timer;

    // The timer starts with the host, not when ExecuteAsync gets a thread, so the first interval is exact.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsPostgres)
        {
            return Task.CompletedTask;
        }

        _timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckpointIntervalSeconds), time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("StartAsync creates the timer.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(truncate: false, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync truncates the log.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsPostgres)
        {
            return;
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _timer?.Dispose();
        await RunAsync(truncate: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(bool truncate, CancellationToken cancellationToken)
    {
        try
        {
            var result = await CheckpointAsync(truncate, cancellationToken).ConfigureAwait(false);
            if (result.Busy || result.CheckpointedFrames < result.LogFrames)
            {
                LogPartial(result.CheckpointedFrames, result.LogFrames);
            }

            Checkpointed?.Invoke(this, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed checkpoint only lets the log grow until the next one; it loses nothing.
            LogFailed(ex);
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint copied {Checkpointed} of {Frames} WAL frames; the rest follow next time")]
    private partial void LogPartial(int checkpointed, int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
