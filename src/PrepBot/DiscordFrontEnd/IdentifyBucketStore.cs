using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrepBot.Data;
using PrepBot.Discord;
using PrepBot.Discord.Gateway;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// Identify pacing shared by every process of the bot through the database, for shards split over processes
/// (<c>Discord:ShardIds</c>) on PostgreSQL: a shard waits for its bucket's advisory lock (<see cref="LockScope.Identify"/>,
/// bucket; held by one shard of one process at a time), reads when the bucket last identified, waits out the rest of the
/// 5 seconds on the bot's clock while holding the lock, records now and lets the shard identify. A process that dies while
/// holding the lock loses it with its connection; the recorded time keeps the next identify of the bucket 5 seconds after
/// the dead one's. Owns the <c>IdentifyBuckets</c> table. The clocks of the processes are taken to agree (NTP); a clock ahead
/// only makes the others wait longer.
/// </summary>
public sealed partial class IdentifyBucketStore(
    IDbContextFactory<PrepBotDbContext> factory,
    [FromKeyedServices(DiscordServiceCollectionExtensions.ClockKey)] TimeProvider time,
    ILogger<IdentifyBucketStore> logger)
    : IIdentifyCoordinator
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task WaitToIdentifyAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var bucket = IdentifyBuckets.Of(shardId, maxConcurrency);
        while (true)
        {
            try
            {
                await TakeTurnAsync(bucket, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The database is away: the shard waits for it rather than identifying without its turn.
                LogDatabaseUnavailable(logger, exception, shardId, bucket);
                await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>When the bucket last identified, as recorded (null before its first identify).</summary>
    public async Task<DateTimeOffset?> LastIdentifyAsync(int bucket, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.IdentifyBuckets.AsNoTracking().SingleOrDefaultAsync(b => b.Bucket == bucket, cancellationToken).ConfigureAwait(false);
        return row?.LastIdentifyAt;
    }

    private async Task TakeTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommand.RunAsync(db, async ct =>
        {
            var connection = await StoreCommand.OpenConnectionAsync(db, ct).ConfigureAwait(false);
            await using var transaction = await StoreCommand.BeginWriteAsync(connection, LockScope.Identify, bucket, ct).ConfigureAwait(false);
            await using (var read = StoreCommand.Create(transaction, """SELECT "LastIdentifyAt" FROM "IdentifyBuckets" WHERE "Bucket" = @bucket""", ("@bucket", bucket)))
            {
                if (await read.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } value and not DBNull)
                {
                    var next = StorageEncoding.Instant(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)) + IdentifyBuckets.Spacing;
                    if (next > time.GetUtcNow())
                    {
                        await Task.Delay(next - time.GetUtcNow(), time, ct).ConfigureAwait(false);
                    }
                }
            }

            await using (var write = StoreCommand.Create(
                transaction,
                """
                INSERT INTO "IdentifyBuckets" ("Bucket", "LastIdentifyAt") VALUES (@bucket, @at)
                ON CONFLICT ("Bucket") DO UPDATE SET "LastIdentifyAt" = excluded."LastIdentifyAt"
                """,
                ("@bucket", bucket),
                ("@at", StorageEncoding.Millis(time.GetUtcNow()))))
            {
                await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: cannot reach the database to take identify bucket {Bucket}'s turn; retrying")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, int shardId, int bucket);
}
