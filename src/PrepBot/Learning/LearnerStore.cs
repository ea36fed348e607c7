using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>
/// Finds learners by platform identity, enrolling them on first use. Enrolments go through the <see cref="GroupCommitWriter"/>:
/// when a class starts and hundreds of new learners arrive at once, they are committed a batch at a time.
/// </summary>
public sealed class LearnerStore(IDbContextFactory<PrepBotDbContext> contextFactory, GroupCommitWriter writer, TimeProvider time)
{
    public async Task<Learner> GetOrCreateAsync(
        string platform, string platformUserId, string displayName, string timeZoneId, CancellationToken cancellationToken) =>
        (await GetOrEnrolAsync(platform, platformUserId, displayName, timeZoneId, cancellationToken).ConfigureAwait(false)).Learner;

    /// <summary>
    /// As <see cref="GetOrCreateAsync"/>, and whether this call enrolled them: true only for the row this call inserted (not
    /// for one another request or process enrolled meanwhile), so nothing but that row is stored about them yet.
    /// </summary>
    public Task<(Learner Learner, bool Enrolled)> GetOrEnrolAsync(
        string platform, string platformUserId, string displayName, string timeZoneId, CancellationToken cancellationToken) =>
        GetOrEnrolAsync(platform, platformUserId, displayName, timeZoneId, alongside: [], cancellationToken);

    /// <summary>
    /// As above; when this call enrols them, <paramref name="alongside"/> (other tables' first rows about a new learner, e.g.
    /// a server's roster) are written in the same write as the learner's row: committed with it or not at all, and one wait on
    /// the writer instead of one per table. Enrolled is true only when they were.
    /// </summary>
    public async Task<(Learner Learner, bool Enrolled)> GetOrEnrolAsync(
        string platform, string platformUserId, string displayName, string timeZoneId, IReadOnlyList<EnrolmentWrite> alongside,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await Find(db, platform, platformUserId, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return (existing, false);
            }
        }

        var createdAt = time.GetUtcNow();
        try
        {
            return await EnrolAsync(platform, platformUserId, displayName, timeZoneId, createdAt, alongside, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreCommand.IsUniqueViolation(ex))
        {
            // Enrolled at the same moment by another process on the same database (PostgreSQL): theirs is the row.
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await Find(db, platform, platformUserId, cancellationToken).ConfigureAwait(false) is { } theirs)
            {
                return (theirs, false);
            }

            throw;
        }
    }

    /// <summary>
    /// One statement in the writer's batch: the row is inserted unless the identity is enrolled already (by an earlier write of
    /// the same batch, another request or another process), in which case that row is read. One round trip for a new learner,
    /// however many arrive together.
    /// </summary>
    private Task<(Learner Learner, bool Enrolled)> EnrolAsync(
        string platform, string platformUserId, string displayName, string timeZoneId, DateTimeOffset createdAt, IReadOnlyList<EnrolmentWrite> alongside,
        CancellationToken cancellationToken)
    {
        var createdAtMillis = StorageEncoding.Millis(createdAt);
        return writer.WriteAsync(
            async (batch, ct) =>
            {
                var inserted = await batch.Database.SqlQuery<long>(
                    $"""
                    INSERT INTO "Learners" ("Platform", "PlatformUserId", "DisplayName", "TimeZoneId", "CreatedAt")
                    VALUES ({platform}, {platformUserId}, {displayName}, {timeZoneId}, {createdAtMillis})
                    ON CONFLICT ("Platform", "PlatformUserId") DO NOTHING
                    RETURNING "Id" AS "Value"
                    """).ToListAsync(ct).ConfigureAwait(false);
                if (inserted is [var id])
                {
                    foreach (var write in alongside)
                    {
                        await write(batch, id, ct).ConfigureAwait(false);
                    }

                    var learner = new Learner
                    {
                        Id = id,
                        Platform = platform,
                        PlatformUserId = platformUserId,
                        DisplayName = displayName,
                        TimeZoneId = timeZoneId,
                        CreatedAt = StorageEncoding.Instant(createdAtMillis),
                    };
                    return (learner, true);
                }

                var enrolled = await Find(batch, platform, platformUserId, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Learner {platform}:{platformUserId} was neither inserted nor found.");
                return (enrolled, false);
            },
            cancellationToken);
    }

    /// <summary>The learner with this platform identity, without enrolling anyone (e.g. for <c>/me forget</c>'s confirmation).</summary>
    public async Task<Learner?> FindAsync(string platform, string platformUserId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Find(db, platform, platformUserId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first learner enrolled, or null when there is none (for a start-up warm-up that reads real rows).</summary>
    public async Task<Learner?> FirstAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Learners.AsNoTracking().OrderBy(l => l.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner with this id (who must exist).</summary>
    public async Task<Learner> GetAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Learners.AsNoTracking().SingleAsync(l => l.Id == learnerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learners with these ids that exist, by id.</summary>
    public async Task<Dictionary<long, Learner>> GetManyAsync(IReadOnlyCollection<long> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a learner's time zone (an IANA id the caller has checked); returns whether it changed.</summary>
    public async Task<bool> SetTimeZoneAsync(long learnerId, string timeZoneId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var changed = await db.Learners
            .Where(l => l.Id == learnerId && l.TimeZoneId != timeZoneId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.TimeZoneId, timeZoneId), cancellationToken)
            .ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>Sets the study day the learner's week 1 begins (null: follow the enrolment date).</summary>
    public async Task SetPlanStartAsync(long learnerId, DateOnly? start, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Learners
            .Where(l => l.Id == learnerId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.PlanStart, start), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the learner row, and with it (foreign keys, ON DELETE CASCADE) every row about them in every table.
    /// <paramref name="createdAt"/> must match, so a confirmation for an earlier enrolment deletes nothing. Returns whether
    /// a learner was deleted.
    /// </summary>
    public async Task<bool> ForgetAsync(long learnerId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.Learners.Where(l => l.Id == learnerId && l.CreatedAt == createdAt)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private static Task<Learner?> Find(PrepBotDbContext db, string platform, string platformUserId, CancellationToken cancellationToken) =>
        db.Learners.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Platform == platform && l.PlatformUserId == platformUserId, cancellationToken);
}
