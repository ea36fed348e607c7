using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Operations;

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
    /// Records one grade in one transaction: the card state, the review log row and the count on the learner's study day
    /// (in <paramref name="zone"/> now, kept as it is if they move zone later) change together or not at all.
    /// <paramref name="answersVersion"/> is the state version the learner saw when asked (0 for a new card);
    /// a second submit of the same answer finds the version moved on and is reported as a duplicate.
    /// </summary>
    public async Task<ReviewOutcome> RecordAsync(
        long learnerId, string cardId, int answersVersion, int quality, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 5);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: the read and the write below see no other writer in between.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var state = await ReviewSql.ReadStateAsync(transaction, learnerId, cardId, cancellationToken).ConfigureAwait(false);
        var currentVersion = state?.Version ?? 0;
        if (answersVersion != currentVersion)
        {
            var counted = await ReviewSql.LogExistsAsync(transaction, learnerId, cardId, answersVersion, cancellationToken).ConfigureAwait(false);
            var snapshot = state is null ? CardStateSnapshot.Unseen(cardId) : CardStateSnapshot.From(state);
            return new ReviewOutcome(counted ? RecordResult.Duplicate : RecordResult.Stale, ReviewKind.Scheduled, snapshot);
        }

        var now = time.GetUtcNow();
        var (updated, log) = Apply(state, learnerId, cardId, quality, now, zone);
        bool written;
        try
        {
            written = await ReviewSql.WriteAsync(transaction, updated, log, StudyCalendar.StudyDay(now, zone), cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // Unique (learner, card, version) or primary key: the same answer is being recorded by another request.
            written = false;
        }

        if (!written)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var current = await GetStateAsync(learnerId, cardId, cancellationToken).ConfigureAwait(false);
            return new ReviewOutcome(RecordResult.Duplicate, log.Kind, current);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PrepBotMetrics.ReviewsRecorded.Add(1, new KeyValuePair<string, object?>("grade", GradeName(quality)));
        return new ReviewOutcome(RecordResult.Recorded, log.Kind, CardStateSnapshot.From(updated));
    }

    /// <summary>The button a quality comes from (a metric tag), or the SM-2 quality itself for the two no button gives.</summary>
    private static string GradeName(int quality) => quality switch
    {
        1 => "again",
        3 => "hard",
        4 => "good",
        5 => "easy",
        0 => "0",
        _ => "2",
    };

    /// <summary>
    /// The learner's cards due at <paramref name="now"/>: scheduled reviews longest-waiting first, then same-day re-drills
    /// (one range scan of the (learner, due) index).
    /// </summary>
    public async Task<IReadOnlyList<DueCard>> GetDueAsync(long learnerId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(db, cancellationToken).ConfigureAwait(false);
        return await ReviewSql.ReadDueAsync(connection, learnerId, now, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's cards that fall due at or before <paramref name="until"/>, with when (a range of the due index).</summary>
    public async Task<IReadOnlyList<(string CardId, DateTimeOffset Due)>> GetDueUntilAsync(long learnerId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardStates.Where(s => s.LearnerId == learnerId && s.Due <= until).Select(s => new { s.CardId, s.Due })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.CardId, r.Due))];
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

    /// <summary>Which card each of the learner's grades since <paramref name="since"/> was for, oldest first (per-topic retention).</summary>
    public async Task<IReadOnlyList<CardReview>> GetCardReviewsAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReviewLogs.AsNoTracking()
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .OrderBy(r => r.AnsweredAt)
            .Select(r => new CardReview(r.CardId, r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    // Opened through EF Core so the connection gets PrepBot's pragmas (see SqlitePragmas).
    private static async Task<SqliteConnection> OpenAsync(PrepBotDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (SqliteConnection)db.Database.GetDbConnection();
    }

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
}

/// <summary>One grade's time and value, for streaks and statistics.</summary>
public sealed record ReviewMoment(DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);

/// <summary>One grade of one card, for per-topic statistics.</summary>
public sealed record CardReview(string CardId, DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);
