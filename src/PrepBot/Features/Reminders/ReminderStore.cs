using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Reminders;

/// <summary>
/// A Discord learner with their reminder settings and the state of their reminder DMs, as a reminder run reads them
/// (<paramref name="DeliveryUpdatedAt"/>: when that state last changed, null without one; a claim only wins if it is unchanged).
/// </summary>
internal sealed record ReminderLearner(
    long Id, string PlatformUserId, string TimeZoneId, TimeOnly? ReminderTime, bool ReminderOff, DateOnly? ReminderDay,
    ReminderOutcome Outcome, bool DmClosed, DateTimeOffset? DmFailedAt, string? DmChannelId, int? DailyReviewCap, DateTimeOffset? SettingsChangedAt,
    DateTimeOffset? DeliveryUpdatedAt = null);

/// <summary>
/// One learner's claim of today's reminder: <paramref name="HasDue"/> when a DM is to go out. <paramref name="SeenUpdatedAt"/> is
/// the reminder state's <c>UpdatedAt</c> as the run read it (null when it read none): the claim wins only if nobody changed it since.
/// </summary>
internal sealed record ReminderClaim(long LearnerId, DateOnly Day, bool HasDue, DateTimeOffset? SeenUpdatedAt = null);

/// <summary>How a reminder DM went: the DM channel on success, the reason on failure (and whether their DMs are closed).</summary>
internal sealed record ReminderResult(long LearnerId, string? DmChannelId, string? Failure, bool DmClosed);

/// <summary>
/// <c>ReminderDeliveries</c>: per learner, today's reminder claim, its outcome, the DM channel and Discord's last refusal.
/// The learners, their settings and pauses come from Learning's stores. SQL shared by SQLite and PostgreSQL.
/// </summary>
public sealed class ReminderStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    // Compare-and-set on the state the run read: a row changed since (another process's run claimed it, or a result was
    // written) keeps its state and the claim is lost (no row changed). No row read and one there now is lost too (NULL = x).
    private const string ClaimSql = """
        INSERT INTO "ReminderDeliveries" ("LearnerId", "DmClosed", "ReminderDay", "ReminderOutcome", "UpdatedAt")
        VALUES (@learner, @closed, @day, @outcome, @now)
        ON CONFLICT ("LearnerId") DO UPDATE SET "ReminderDay" = excluded."ReminderDay", "ReminderOutcome" = excluded."ReminderOutcome", "UpdatedAt" = excluded."UpdatedAt"
        WHERE "ReminderDeliveries"."UpdatedAt" = @seen
        """;

    private const string SentSql = """
        UPDATE "ReminderDeliveries" SET "ReminderOutcome" = @sent, "ReminderSentAt" = @now, "DmChannelId" = @channel,
            "DmClosed" = @open, "DmFailedAt" = NULL, "DmFailureReason" = NULL, "UpdatedAt" = @now
        WHERE "LearnerId" = @learner
        """;

    private const string FailedSql = """
        UPDATE "ReminderDeliveries" SET "ReminderOutcome" = @failed, "DmFailedAt" = @now, "DmFailureReason" = @reason, "DmClosed" = @closed, "UpdatedAt" = @now
        WHERE "LearnerId" = @learner
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

    /// <summary>
    /// Claims today for every learner in one transaction: Pending when a DM is to go out, else NothingDue. Returns the learners
    /// whose claim this call won: a learner whose reminder state changed since the run read it (another process's run claimed
    /// them first) is left alone and not returned, so each claim goes to exactly one run. Claim transactions queue on the
    /// reminders lock (PostgreSQL; SQLite's write lock), so two runs never interleave. Re-run after an unknown commit, the
    /// claims find their state changed and win nothing: the learners stay Pending and the next run sends them.
    /// </summary>
    internal async Task<IReadOnlySet<long>> ClaimAsync(IReadOnlyList<ReminderClaim> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync<IReadOnlySet<long>>(
            db,
            async ct =>
            {
                var won = new HashSet<long>();
                var connection = await StoreCommand.OpenConnectionAsync(db, ct).ConfigureAwait(false);
                await using var transaction = await StoreCommand.BeginWriteAsync(connection, LockScope.Reminders, 0, ct).ConfigureAwait(false);
                await using var command = StoreCommand.Create(
                    transaction, ClaimSql, ("@learner", 0L), ("@closed", false), ("@day", default(DateOnly)), ("@outcome", 0), ("@now", StorageEncoding.Millis(now)), ("@seen", null));
                foreach (var claim in claims)
                {
                    command.Parameters["@learner"].Value = claim.LearnerId;
                    command.Parameters["@day"].Value = claim.Day;
                    command.Parameters["@outcome"].Value = (int)(claim.HasDue ? ReminderOutcome.Pending : ReminderOutcome.NothingDue);
                    command.Parameters["@seen"].Value = claim.SeenUpdatedAt is { } seen ? StorageEncoding.Millis(seen) : DBNull.Value;
                    if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0)
                    {
                        won.Add(claim.LearnerId);
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return won;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a batch of DM results in one transaction: sent (with the DM channel) or failed (with the reason). Safe to re-run.</summary>
    internal async Task RecordResultsAsync(IReadOnlyList<ReminderResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommand.RunAsync(
            db,
            async ct =>
            {
                var connection = await StoreCommand.OpenConnectionAsync(db, ct).ConfigureAwait(false);
                await using var transaction = await StoreCommand.BeginWriteAsync(connection, LockScope.Reminders, 0, ct).ConfigureAwait(false);
                var at = StorageEncoding.Millis(now);
                await using var sent = StoreCommand.Create(
                    transaction, SentSql, ("@sent", (int)ReminderOutcome.Sent), ("@now", at), ("@channel", null), ("@open", false), ("@learner", 0L));
                await using var failed = StoreCommand.Create(
                    transaction, FailedSql, ("@failed", (int)ReminderOutcome.Failed), ("@now", at), ("@reason", string.Empty), ("@closed", false), ("@learner", 0L));
                foreach (var result in results)
                {
                    if (result.Failure is null)
                    {
                        sent.Parameters["@learner"].Value = result.LearnerId;
                        sent.Parameters["@channel"].Value = (object?)result.DmChannelId ?? DBNull.Value;
                        await sent.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                    else
                    {
                        failed.Parameters["@learner"].Value = result.LearnerId;
                        failed.Parameters["@reason"].Value = result.Failure.Length > 300 ? result.Failure[..300] : result.Failure;
                        failed.Parameters["@closed"].Value = result.DmClosed;
                        await failed.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
