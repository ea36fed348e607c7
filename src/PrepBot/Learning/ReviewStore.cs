using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

public enum RecordResult
{
    /// <summary>The grade was counted.</summary>
    Recorded,

    /// <summary>This exact grade (same card state version) was already counted: nothing changed.</summary>
    Duplicate,

    /// <summary>The question was answered from an older state that was never graded (e.g. an old message): nothing changed.</summary>
    Stale,
}

/// <summary>What recording a grade did, with the card's state afterwards.</summary>
public sealed record ReviewOutcome(RecordResult Result, ReviewKind Kind, CardStateSnapshot State);

/// <summary>A read-only copy of <see cref="CardState"/> handed to features.</summary>
public sealed record CardStateSnapshot(
    string CardId,
    double EasinessFactor,
    int IntervalDays,
    int Repetitions,
    int Lapses,
    DateTimeOffset Due,
    DateTimeOffset ScheduledDue,
    bool InRedrill,
    int Version)
{
    public static CardStateSnapshot Unseen(string cardId) =>
        new(cardId, Sm2State.InitialEasiness, 0, 0, 0, DateTimeOffset.MinValue, DateTimeOffset.MinValue, false, 0);

    internal static CardStateSnapshot From(CardState s) =>
        new(s.CardId, s.EasinessFactor, s.IntervalDays, s.Repetitions, s.Lapses, s.Due, s.ScheduledDue, s.InRedrill, s.Version);
}

/// <summary>A card in a learner's due queue.</summary>
public sealed record DueCard(string CardId, DateTimeOffset Due, bool InRedrill, int Version);

/// <summary>Records grades (SM-2, exactly once) and answers "what is due?".</summary>
public sealed class ReviewStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>
    /// Records one grade in one transaction: the card state and the review log row change together or not at all.
    /// <paramref name="answersVersion"/> is the state version the learner saw when asked (0 for a new card);
    /// a second submit of the same answer finds the version moved on and is reported as a duplicate.
    /// </summary>
    public async Task<ReviewOutcome> RecordAsync(
        long learnerId, string cardId, int answersVersion, int quality, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 5);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var state = await db.CardStates
            .SingleOrDefaultAsync(s => s.LearnerId == learnerId && s.CardId == cardId, cancellationToken)
            .ConfigureAwait(false);
        var currentVersion = state?.Version ?? 0;
        if (answersVersion != currentVersion)
        {
            var counted = await db.ReviewLogs
                .AnyAsync(r => r.LearnerId == learnerId && r.CardId == cardId && r.StateVersion == answersVersion, cancellationToken)
                .ConfigureAwait(false);
            var snapshot = state is null ? CardStateSnapshot.Unseen(cardId) : CardStateSnapshot.From(state);
            return new ReviewOutcome(counted ? RecordResult.Duplicate : RecordResult.Stale, ReviewKind.Scheduled, snapshot);
        }

        var now = time.GetUtcNow();
        var (updated, log) = Apply(state, learnerId, cardId, quality, now, zone);
        if (log.Kind == ReviewKind.New)
        {
            db.CardStates.Add(updated);
        }

        db.ReviewLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (IsConflict(ex))
        {
            // Another request recorded this same version between our read and write: theirs counts, ours does not.
            var current = await GetStateAsync(learnerId, cardId, cancellationToken).ConfigureAwait(false);
            return new ReviewOutcome(RecordResult.Duplicate, log.Kind, current);
        }

        return new ReviewOutcome(RecordResult.Recorded, log.Kind, CardStateSnapshot.From(updated));
    }

    /// <summary>
    /// The learner's cards due at <paramref name="now"/>: scheduled reviews longest-waiting first, then same-day re-drills
    /// (one range scan of the (learner, due) index).
    /// </summary>
    public async Task<IReadOnlyList<DueCard>> GetDueAsync(long learnerId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await DueQuery(db, learnerId, now, limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many cards fall due at or before <paramref name="until"/>.</summary>
    public async Task<int> CountDueAsync(long learnerId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CardStates.CountAsync(s => s.LearnerId == learnerId && s.Due <= until, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CardStateSnapshot> GetStateAsync(long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var state = await db.CardStates.AsNoTracking()
            .SingleOrDefaultAsync(s => s.LearnerId == learnerId && s.CardId == cardId, cancellationToken)
            .ConfigureAwait(false);
        return state is null ? CardStateSnapshot.Unseen(cardId) : CardStateSnapshot.From(state);
    }

    /// <summary>Ids of every card the learner has graded at least once.</summary>
    public async Task<IReadOnlySet<string>> GetSeenCardIdsAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.CardStates.Where(s => s.LearnerId == learnerId).Select(s => s.CardId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>When each of the learner's grades since <paramref name="since"/> was given, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewMoment>> GetReviewMomentsAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReviewLogs.AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .OrderBy(r => r.AnsweredAt)
            .Select(r => new ReviewMoment(r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static IQueryable<DueCard> DueQuery(PrepBotDbContext db, long learnerId, DateTimeOffset now, int limit) =>
        db.CardStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.Due <= now)
            .OrderBy(s => s.InRedrill)
            .ThenBy(s => s.Due)
            .Take(limit)
            .Select(s => new DueCard(s.CardId, s.Due, s.InRedrill, s.Version));

    private static (CardState State, ReviewLog Log) Apply(CardState? state, long learnerId, string cardId, int quality, DateTimeOffset now, TimeZoneInfo zone)
    {
        var kind = state is null ? ReviewKind.New
            : state.InRedrill && now < state.ScheduledDue ? ReviewKind.Redrill
            : ReviewKind.Scheduled;
        state ??= new CardState
        {
            LearnerId = learnerId,
            CardId = cardId,
            EasinessFactor = Sm2State.InitialEasiness,
            FirstSeenAt = now,
        };

        var log = new ReviewLog
        {
            LearnerId = learnerId,
            CardId = cardId,
            StateVersion = state.Version,
            Quality = quality,
            Kind = kind,
            AnsweredAt = now,
            PreviousEasinessFactor = state.EasinessFactor,
            PreviousIntervalDays = state.IntervalDays,
            PreviousRepetitions = state.Repetitions,
            PreviousDue = kind == ReviewKind.New ? null : state.Due,
        };

        if (kind == ReviewKind.Redrill)
        {
            // Same-day drill: SM-2's numbers stay; the card leaves the queue once it is answered well.
            state.InRedrill = quality < Sm2.RedrillBelowQuality;
            state.Due = state.InRedrill ? now : state.ScheduledDue;
        }
        else
        {
            var next = Sm2.Next(new Sm2State(state.EasinessFactor, state.IntervalDays, state.Repetitions), quality);
            if (quality < Sm2.PassingQuality && kind == ReviewKind.Scheduled)
            {
                state.Lapses++;
            }

            state.EasinessFactor = next.EasinessFactor;
            state.IntervalDays = next.IntervalDays;
            state.Repetitions = next.Repetitions;
            state.ScheduledDue = StudyCalendar.DueAfter(now, next.IntervalDays, zone);
            state.InRedrill = quality < Sm2.RedrillBelowQuality;
            state.Due = state.InRedrill ? now : state.ScheduledDue;
        }

        state.Version++;
        state.LastReviewedAt = now;

        log.NextEasinessFactor = state.EasinessFactor;
        log.NextIntervalDays = state.IntervalDays;
        log.NextRepetitions = state.Repetitions;
        log.NextDue = state.Due;
        return (state, log);
    }

    private static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is SqliteException { SqliteErrorCode: 19 };
}

/// <summary>One grade's time and value, for streaks and statistics.</summary>
public sealed record ReviewMoment(DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);
