using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning.Fsrs;

/// <summary>A learner's scheduler, desired retention and FSRS weights, as the grade and the predictions use them.</summary>
/// <param name="Scheduler">Which algorithm dates their reviews.</param>
/// <param name="Parameters">Their weights (fitted or the defaults) and retention, fuzz on (scheduling).</param>
/// <param name="Fitted">True when the weights are the learner's own.</param>
public sealed record SchedulingProfile(SchedulerKind Scheduler, FsrsParameters Parameters, bool Fitted)
{
    public static SchedulingProfile Default { get; } = new(SchedulerKind.Sm2, FsrsParameters.Default, false);

    /// <summary>A profile from the stored columns (a learner without a row has <see cref="Default"/>).</summary>
    internal static SchedulingProfile From(SchedulerKind scheduler, double? retention, string? weights)
    {
        if (retention is null && weights is null)
        {
            return scheduler == SchedulerKind.Sm2 ? Default : Default with { Scheduler = scheduler };
        }

        var parameters = weights is null ? FsrsParameters.Default : new FsrsParameters(FsrsProfileStore.ParseWeights(weights));
        return new SchedulingProfile(
            scheduler,
            retention is { } r ? parameters.WithDesiredRetention(r) : parameters,
            weights is not null);
    }
}

/// <summary>
/// The owner of <c>FsrsProfiles</c>: which scheduler a learner uses, their desired retention and their fitted weights.
/// The grade reads the row in its own transaction (<see cref="ReviewStore"/>); changing the scheduler or the retention
/// re-dates the learner's cards through <see cref="ReviewStore"/> in the same transaction.
/// </summary>
public sealed class FsrsProfileStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>The learner's profile; the defaults (SM-2, default weights, retention 0.90) when they never changed it.</summary>
    public async Task<SchedulingProfile> GetAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.FsrsProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.LearnerId == learnerId, cancellationToken).ConfigureAwait(false);
        return row is null ? SchedulingProfile.Default : SchedulingProfile.From(row.Scheduler, row.DesiredRetention, row.Weights);
    }

    /// <summary>The learner's weights and desired retention for predictions: fuzz off.</summary>
    public async Task<FsrsParameters> GetParametersAsync(long learnerId, CancellationToken cancellationToken) =>
        (await GetAsync(learnerId, cancellationToken).ConfigureAwait(false)).Parameters.WithFuzz(false);

    /// <summary>
    /// Sets the learner's scheduler and re-dates every card they have seen by it (SM-2: the last review plus SM-2's interval;
    /// FSRS: the last review plus the interval at which recall falls to their retention). Cards being re-drilled today stay
    /// in today's queue. Returns the number of cards re-dated; nothing changes when the scheduler was already that one.
    /// </summary>
    public Task<int?> SetSchedulerAsync(long learnerId, SchedulerKind scheduler, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        ChangeAsync(learnerId, zone, row =>
        {
            if (row.Scheduler == scheduler)
            {
                return false;
            }

            row.Scheduler = scheduler;
            return true;
        }, cancellationToken);

    /// <summary>Sets the learner's desired retention (validated 0.70–0.97); an FSRS learner's cards are re-dated by it.</summary>
    public Task<int?> SetRetentionAsync(long learnerId, double retention, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, FsrsParameters.MinimumDesiredRetention);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(retention, FsrsParameters.MaximumDesiredRetention);
        return ChangeAsync(learnerId, zone, row =>
        {
            if (row.DesiredRetention == retention || (row.DesiredRetention is null && retention == FsrsParameters.DefaultDesiredRetention))
            {
                return false;
            }

            row.DesiredRetention = retention;
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Keeps the outcome of a fit: the figures always, the weights only when the fit beat the defaults (and then an FSRS
    /// learner's cards are re-dated by them).
    /// </summary>
    public Task<int?> SaveFitAsync(long learnerId, FsrsOptimizationResult result, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow();
        return ChangeAsync(learnerId, zone, row =>
        {
            row.FittedAt = now;
            row.FittedReviews = result.Reviews;
            row.DefaultLogLoss = result.DefaultLogLoss;
            row.FittedLogLoss = result.FittedLogLoss;
            if (result.Outcome == FsrsOptimizationOutcome.Fitted)
            {
                row.Weights = FormatWeights(result.Weights);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Learners with at least <paramref name="minimumReviews"/> counted grades and no fit after <paramref name="fittedBefore"/>.</summary>
    public async Task<IReadOnlyList<(long LearnerId, string TimeZoneId)>> GetLearnersToFitAsync(
        int minimumReviews, DateTimeOffset fittedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.ReviewLogs.AsNoTracking()
            .Where(r => r.UndoneAt == null)
            .GroupBy(r => r.LearnerId)
            .Where(g => g.Count() >= minimumReviews)
            .Select(g => g.Key)
            .Where(id => !db.FsrsProfiles.Any(p => p.LearnerId == id && p.FittedAt != null && p.FittedAt > fittedBefore))
            .Join(db.Learners, id => id, l => l.Id, (id, l) => new { l.Id, l.TimeZoneId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, r.TimeZoneId))];
    }

    internal static double[] ParseWeights(string weights)
    {
        var parts = weights.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            values[i] = double.Parse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return values;
    }

    internal static string FormatWeights(IReadOnlyList<double> weights) =>
        string.Join(',', weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)));

    // One transaction: the profile row and the cards it dates change together. Cards are re-dated when the scheduler
    // changes, or when an FSRS learner's retention or weights do (an SM-2 learner's dates do not depend on them).
    private async Task<int?> ChangeAsync(long learnerId, TimeZoneInfo zone, Func<FsrsProfile, bool> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(db, ct => ChangeOnceAsync(db, learnerId, zone, change, ct), cancellationToken).ConfigureAwait(false);
    }

    // The learner's lock on PostgreSQL (SQLite: BEGIN IMMEDIATE): a grade is wholly before or wholly after the change. The
    // change tracker starts empty, so a re-run after a lost connection starts over.
    private async Task<int?> ChangeOnceAsync(PrepBotDbContext db, long learnerId, TimeZoneInfo zone, Func<FsrsProfile, bool> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommand.LockAsync(db, LockScope.Learner, learnerId, cancellationToken).ConfigureAwait(false);
        var row = await db.FsrsProfiles.SingleOrDefaultAsync(p => p.LearnerId == learnerId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new FsrsProfile { LearnerId = learnerId };
            db.FsrsProfiles.Add(row);
        }

        var before = (row.Scheduler, row.DesiredRetention, row.Weights);
        if (!change(row))
        {
            return null;
        }

        row.UpdatedAt = time.GetUtcNow();
        var profile = SchedulingProfile.From(row.Scheduler, row.DesiredRetention, row.Weights);
        var redate = before.Scheduler != row.Scheduler
            || (row.Scheduler == SchedulerKind.Fsrs && (before.DesiredRetention != row.DesiredRetention || before.Weights != row.Weights));
        if (before.Weights != row.Weights)
        {
            // Stability and difficulty are in the terms of the weights that computed them: replay the log with the new ones.
            await ReviewStore.RecomputeMemoryAsync(db, learnerId, profile.Parameters, zone, cancellationToken).ConfigureAwait(false);
        }

        var redated = redate ? await ReviewStore.RedateAsync(db, learnerId, profile, zone, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) : 0;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return redated;
    }
}
