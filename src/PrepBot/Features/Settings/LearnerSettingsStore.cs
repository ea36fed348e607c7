using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Settings;

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

    /// <summary>
    /// Applies <paramref name="change"/> to the learner's row (creating it) and saves. Any change counts as the learner
    /// being back: a "DMs closed" refusal is forgotten, so the next reminder is tried again.
    /// </summary>
    public async Task<LearnerSettings> UpdateAsync(long learnerId, Action<LearnerSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var settings = await db.LearnerSettings.SingleOrDefaultAsync(s => s.LearnerId == learnerId, cancellationToken).ConfigureAwait(false);
        if (settings is null)
        {
            settings = new LearnerSettings { LearnerId = learnerId };
            db.LearnerSettings.Add(settings);
        }

        change(settings);
        settings.DmClosed = false;
        settings.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return settings;
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
}
