using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Reminders;

/// <summary>A Discord learner with their reminder settings and the state of their reminder DMs, as a reminder run reads them.</summary>
internal sealed record ReminderLearner(
    long Id, string PlatformUserId, string TimeZoneId, TimeOnly? ReminderTime, bool ReminderOff, DateOnly? ReminderDay,
    ReminderOutcome Outcome, bool DmClosed, DateTimeOffset? DmFailedAt, string? DmChannelId, int? DailyReviewCap, DateTimeOffset? SettingsChangedAt);

/// <summary>One learner's claim of today's reminder: <paramref name="HasDue"/> when a DM is to go out.</summary>
internal sealed record ReminderClaim(long LearnerId, DateOnly Day, bool HasDue);

/// <summary>How a reminder DM went: the DM channel on success, the reason on failure (and whether their DMs are closed).</summary>
internal sealed record ReminderResult(long LearnerId, string? DmChannelId, string? Failure, bool DmClosed);

/// <summary>
/// <c>ReminderDeliveries</c>: per learner, today's reminder claim, its outcome, the DM channel and Discord's last refusal.
/// The learners, their settings and pauses come from Learning's stores.
/// </summary>
public sealed class ReminderStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    private const string ClaimSql = """
        INSERT INTO ReminderDeliveries (LearnerId, DmClosed, ReminderDay, ReminderOutcome, UpdatedAt)
        VALUES ($learner, 0, $day, $outcome, $now)
        ON CONFLICT (LearnerId) DO UPDATE SET ReminderDay = excluded.ReminderDay, ReminderOutcome = excluded.ReminderOutcome, UpdatedAt = excluded.UpdatedAt
        """;

    private const string SentSql = """
        UPDATE ReminderDeliveries SET ReminderOutcome = $sent, ReminderSentAt = $now, DmChannelId = $channel,
            DmClosed = 0, DmFailedAt = NULL, DmFailureReason = NULL, UpdatedAt = $now
        WHERE LearnerId = $learner
        """;

    private const string FailedSql = """
        UPDATE ReminderDeliveries SET ReminderOutcome = $failed, DmFailedAt = $now, DmFailureReason = $reason, DmClosed = $closed, UpdatedAt = $now
        WHERE LearnerId = $learner
        """;

    /// <summary>Every learner's reminder state that has one (a learner never considered by a reminder run has none).</summary>
    internal async Task<Dictionary<long, ReminderDelivery>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReminderDeliveries.AsNoTracking().ToDictionaryAsync(d => d.LearnerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's reminder state, or an empty one (never tried) when no reminder run considered them yet.</summary>
    public async Task<ReminderDelivery> GetAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReminderDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.LearnerId == learnerId, cancellationToken).ConfigureAwait(false)
            ?? new ReminderDelivery { LearnerId = learnerId };
    }

    /// <summary>Claims today for every learner in one transaction: Pending when a DM is to go out, else NothingDue.</summary>
    internal async Task ClaimAsync(IReadOnlyList<ReminderClaim> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StorageEncoding.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ClaimSql;
        var learner = command.Parameters.Add("$learner", SqliteType.Integer);
        var day = command.Parameters.Add("$day", SqliteType.Text);
        var outcome = command.Parameters.Add("$outcome", SqliteType.Integer);
        command.Parameters.AddWithValue("$now", StorageEncoding.Millis(now));
        foreach (var claim in claims)
        {
            learner.Value = claim.LearnerId;
            day.Value = StorageEncoding.Day(claim.Day);
            outcome.Value = (int)(claim.HasDue ? ReminderOutcome.Pending : ReminderOutcome.NothingDue);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a batch of DM results in one transaction: sent (with the DM channel) or failed (with the reason).</summary>
    internal async Task RecordResultsAsync(IReadOnlyList<ReminderResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StorageEncoding.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var sent = connection.CreateCommand();
        sent.Transaction = transaction;
        sent.CommandText = SentSql;
        sent.Parameters.AddWithValue("$sent", (int)ReminderOutcome.Sent);
        sent.Parameters.AddWithValue("$now", StorageEncoding.Millis(now));
        var sentLearner = sent.Parameters.Add("$learner", SqliteType.Integer);
        var sentChannel = sent.Parameters.Add("$channel", SqliteType.Text);

        await using var failed = connection.CreateCommand();
        failed.Transaction = transaction;
        failed.CommandText = FailedSql;
        failed.Parameters.AddWithValue("$failed", (int)ReminderOutcome.Failed);
        failed.Parameters.AddWithValue("$now", StorageEncoding.Millis(now));
        var failedLearner = failed.Parameters.Add("$learner", SqliteType.Integer);
        var reason = failed.Parameters.Add("$reason", SqliteType.Text);
        var closed = failed.Parameters.Add("$closed", SqliteType.Integer);

        foreach (var result in results)
        {
            if (result.Failure is null)
            {
                sentLearner.Value = result.LearnerId;
                sentChannel.Value = (object?)result.DmChannelId ?? DBNull.Value;
                await sent.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                failedLearner.Value = result.LearnerId;
                reason.Value = result.Failure.Length > 300 ? result.Failure[..300] : result.Failure;
                closed.Value = result.DmClosed ? 1 : 0;
                await failed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
