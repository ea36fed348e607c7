using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>A Discord learner with the settings a reminder run needs (defaults when they never changed any).</summary>
public sealed record LearnerReminderSettings(
    long LearnerId, string PlatformUserId, string TimeZoneId, TimeOnly? ReminderTime, bool ReminderOff, int? DailyReviewCap, DateTimeOffset? ChangedAt);

/// <summary>A learner's daily limits (<c>/me cap</c>); null for no limit.</summary>
public readonly record struct DailyCapSettings(int? Reviews, int? NewCards);

/// <summary>Reads and changes a learner's <see cref="LearnerSettings"/> row (created on the first change).</summary>
public sealed class LearnerSettingsStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>The learner's settings, or the defaults (a new, unsaved row) when they never changed any.</summary>
    public async Task<LearnerSettings> GetAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.LearnerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LearnerId == learnerId, cancellationToken).ConfigureAwait(false)
            ?? new LearnerSettings { LearnerId = learnerId };
    }

    /// <summary>The learner's daily caps: read on every card handed out, so only the two columns.</summary>
    public async Task<DailyCapSettings> GetCapsAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var caps = await db.LearnerSettings.AsNoTracking()
            .Where(s => s.LearnerId == learnerId)
            .Select(s => new DailyCapSettings(s.DailyReviewCap, s.DailyNewCap))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return caps;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the learner's row (creating it) and saves. The change time is kept: any change
    /// counts as the learner being back, so a reminder refused because their DMs were closed is tried again.
    /// </summary>
    public async Task<LearnerSettings> UpdateAsync(long learnerId, Action<LearnerSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(db, async ct =>
        {
            // Read and write under the learner's lock (SQLite: BEGIN IMMEDIATE), so a change and a pause at once never both
            // insert the row; a re-run after a lost connection starts from an empty change tracker.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await StoreCommand.LockAsync(db, LockScope.Learner, learnerId, ct).ConfigureAwait(false);
            var settings = await db.LearnerSettings.SingleOrDefaultAsync(s => s.LearnerId == learnerId, ct).ConfigureAwait(false);
            if (settings is null)
            {
                settings = new LearnerSettings { LearnerId = learnerId };
                db.LearnerSettings.Add(settings);
            }

            change(settings);
            settings.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return settings;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every Discord learner with their reminder settings, for a reminder run.</summary>
    public async Task<IReadOnlyList<LearnerReminderSettings>> ReadDiscordLearnersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await (
                from learner in db.Learners.AsNoTracking()
                where learner.Platform == LearnerPlatforms.Discord
                join s in db.LearnerSettings.AsNoTracking() on learner.Id equals s.LearnerId into settings
                from s in settings.DefaultIfEmpty()
                select new LearnerReminderSettings(
                    learner.Id,
                    learner.PlatformUserId,
                    learner.TimeZoneId,
                    s == null ? null : s.ReminderTime,
                    s != null && s.ReminderOff,
                    s == null ? null : s.DailyReviewCap,
                    s == null ? null : s.UpdatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
