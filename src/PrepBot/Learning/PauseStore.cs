using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>The learner's pause as <c>/me</c> reports it: local study days, inclusive.</summary>
public sealed record PauseSpan(DateOnly FirstDay, DateOnly LastDay);

/// <summary>What <see cref="PauseStore.SetAsync"/> did.</summary>
/// <param name="Started">The new pause, when days &gt; 0.</param>
/// <param name="Ended">The pause that was running and ended today, if any.</param>
/// <param name="CardsMoved">Cards whose due date moved (out of the new pause, or back when one ended early).</param>
public sealed record PauseResult(PauseSpan? Started, PauseSpan? Ended, int CardsMoved);

/// <summary>
/// <c>/me pause days:n</c>: a vacation of n study days starting today, recorded in <see cref="LearnerPause"/> (no reminder is
/// sent and the streak is frozen on those days). So that reviews do not pile up as overdue, every card falling due during
/// the pause (from the start of today to the end of its last day) is moved out by the pause's length, keeping its spacing;
/// cards already overdue before today stay as they are. <c>days:0</c> ends the pause today: the cards it moved and that were
/// not answered meanwhile move back by the unused days (never before today). A new pause replaces a running one.
/// Owns <c>LearnerPauses</c>; moves the cards in the same transaction through <see cref="ReviewStore"/>'s shift methods.
/// </summary>
public sealed class PauseStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    public const int MaxDays = 90;

    /// <summary>The pause covering today or later, if any.</summary>
    public async Task<PauseSpan?> CurrentAsync(long learnerId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = StudyCalendar.StudyDay(time.GetUtcNow(), zone);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pause = await Running(db, learnerId, today).AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return pause is null ? null : new PauseSpan(pause.FirstDay, pause.LastDay);
    }

    public async Task<PauseResult> SetAsync(long learnerId, TimeZoneInfo zone, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var now = time.GetUtcNow();
        var today = StudyCalendar.StudyDay(now, zone);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(db, ct => SetOnceAsync(db, learnerId, zone, days, now, today, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every pause of the learner (local days, both ends included): the streak is frozen on those days.</summary>
    public async Task<IReadOnlyList<PauseSpan>> GetAllAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.LearnerPauses.AsNoTracking()
            .Where(p => p.LearnerId == learnerId)
            .Select(p => new PauseSpan(p.FirstDay, p.LastDay))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    // One transaction with the learner's cards (SQLite's BEGIN IMMEDIATE, PostgreSQL's learner lock, which grades take too);
    // the change tracker starts empty, so a re-run after a lost connection starts over.
    private static async Task<PauseResult> SetOnceAsync(
        PrepBotDbContext db, long learnerId, TimeZoneInfo zone, int days, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommand.LockAsync(db, LockScope.Learner, learnerId, cancellationToken).ConfigureAwait(false);
        var settings = await db.LearnerSettings.SingleOrDefaultAsync(s => s.LearnerId == learnerId, cancellationToken).ConfigureAwait(false);
        if (settings is null)
        {
            settings = new LearnerSettings { LearnerId = learnerId };
            db.LearnerSettings.Add(settings);
        }

        var moved = 0;
        PauseSpan? ended = null;
        var running = await Running(db, learnerId, today).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (running is not null)
        {
            ended = new PauseSpan(running.FirstDay, running.LastDay);
            var unusedDays = running.LastDay.DayNumber - today.DayNumber + 1;
            moved += await MoveBackAsync(db, learnerId, running, unusedDays, today, zone, cancellationToken).ConfigureAwait(false);
            running.ShiftedCardIds = null;
            if (running.FirstDay >= today)
            {
                db.LearnerPauses.Remove(running);
            }
            else
            {
                running.LastDay = today.AddDays(-1);
            }
        }

        PauseSpan? started = null;
        if (days > 0)
        {
            started = new PauseSpan(today, today.AddDays(days - 1));
            var shifted = await MoveOutAsync(db, learnerId, today, days, zone, cancellationToken).ConfigureAwait(false);
            db.LearnerPauses.Add(new LearnerPause
            {
                LearnerId = learnerId,
                FirstDay = started.FirstDay,
                LastDay = started.LastDay,
                CreatedAt = now,
                ShiftedCardIds = shifted.Count == 0 ? null : string.Join(',', shifted),
            });
            moved += shifted.Count;
        }

        // A pause is a settings change: it counts as the learner being back after a refused reminder DM.
        settings.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PauseResult(started, ended, moved);
    }

    /// <summary>Every learner's pauses that last until <paramref name="earliestDay"/> or later, for a reminder run.</summary>
    public async Task<ILookup<long, PauseSpan>> GetRunningAsync(DateOnly earliestDay, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.LearnerPauses.AsNoTracking()
            .Where(p => p.LastDay >= earliestDay)
            .Select(p => new { p.LearnerId, p.FirstDay, p.LastDay })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToLookup(p => p.LearnerId, p => new PauseSpan(p.FirstDay, p.LastDay));
    }

    private static IQueryable<LearnerPause> Running(PrepBotDbContext db, long learnerId, DateOnly today) =>
        db.LearnerPauses.Where(p => p.LearnerId == learnerId && p.LastDay >= today).OrderBy(p => p.FirstDay);

    /// <summary>Cards due from the start of today to the end of the pause move out by its length; returns their ids.</summary>
    private static Task<IReadOnlyList<string>> MoveOutAsync(
        PrepBotDbContext db, long learnerId, DateOnly today, int days, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        ReviewStore.ShiftDueAsync(
            db, learnerId, StudyCalendar.StartOf(today, zone), StudyCalendar.StartOf(today.AddDays(days), zone), due => Shift(due, days, zone), cancellationToken);

    /// <summary>
    /// Ending early: the cards the pause moved, and not answered since, move back by the days not used (never before today).
    /// </summary>
    private static async Task<int> MoveBackAsync(
        PrepBotDbContext db, long learnerId, LearnerPause pause, int unusedDays, DateOnly today, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(pause.ShiftedCardIds) || unusedDays <= 0)
        {
            return 0;
        }

        var ids = pause.ShiftedCardIds.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return await ReviewStore.ShiftBackAsync(
            db, learnerId, ids, pause.CreatedAt, due => Shift(due, -unusedDays, zone), StudyCalendar.StartOf(today, zone), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The start of the study day <paramref name="days"/> after the one <paramref name="due"/> falls in.</summary>
    private static DateTimeOffset Shift(DateTimeOffset due, int days, TimeZoneInfo zone) =>
        StudyCalendar.StartOf(StudyCalendar.StudyDay(due, zone).AddDays(days), zone);
}
