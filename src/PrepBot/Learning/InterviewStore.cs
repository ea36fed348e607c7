using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>A learner's interview day (a calendar day in their time zone) and what it is for.</summary>
public sealed record InterviewDate(DateOnly Date, string? Title)
{
    /// <summary>Days from <paramref name="today"/> (a study day) to the interview: 1 the day before, 0 on the day, negative after it.</summary>
    public int DaysLeft(DateOnly today) => Date.DayNumber - today.DayNumber;
}

/// <summary>Reads and changes <see cref="InterviewPlan"/> rows (<c>/me interview</c>): the owner of <c>InterviewPlans</c>.</summary>
public sealed class InterviewStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>The learner's interview, or null when they set none (or cleared it).</summary>
    public async Task<InterviewDate?> GetAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.InterviewPlans.AsNoTracking()
            .Where(p => p.LearnerId == learnerId)
            .Select(p => new InterviewDate(p.Date, p.Title))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every learner's interview, by learner (one read of a table with at most a row per learner, for a reminder run).</summary>
    public async Task<IReadOnlyDictionary<long, InterviewDate>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.InterviewPlans.AsNoTracking()
            .Select(p => new { p.LearnerId, p.Date, p.Title })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.LearnerId, r => new InterviewDate(r.Date, r.Title));
    }

    /// <summary>Sets (or replaces) the learner's interview; the caller has checked the date and the title.</summary>
    public async Task SetAsync(long learnerId, InterviewDate interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommand.RunAsync(db, async ct =>
        {
            // Read and write under the learner's lock (SQLite: BEGIN IMMEDIATE), so two sets at once never both insert.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await StoreCommand.LockAsync(db, LockScope.Learner, learnerId, ct).ConfigureAwait(false);
            var row = await db.InterviewPlans.SingleOrDefaultAsync(p => p.LearnerId == learnerId, ct).ConfigureAwait(false);
            if (row is null)
            {
                row = new InterviewPlan { LearnerId = learnerId };
                db.InterviewPlans.Add(row);
            }

            row.Date = interview.Date;
            row.Title = interview.Title;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the learner's interview; returns whether there was one.</summary>
    public async Task<bool> ClearAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.InterviewPlans.Where(p => p.LearnerId == learnerId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
