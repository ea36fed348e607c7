using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Telemetry;

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
public sealed record ReviewOutcome(RecordResult Result, ReviewKind Kind, CardStateSnapshot State)
{
    /// <summary>The review-log row of a recorded grade (what Undo names); null when nothing was recorded.</summary>
    public long? LogId { get; init; }
}

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

/// <summary>
/// Records grades (SM-2, exactly once) and answers "what is due?": the owner of <c>CardStates</c> and <c>ReviewLogs</c>
/// (and of the grade's count on <c>StudyDays</c>, see <see cref="StudyDayStore"/>). The two hot paths — recording a grade and
/// reading the due queue — are hand-written SQL on the context's connection: measured with 1,000,000 card states, EF Core's
/// change tracking and SaveChanges cost about 0.5 ms a grade, four times the SQL itself (see the README's benchmarks). The
/// schema is still EF Core's (entities and migrations); every test of this store runs this SQL against the migrated schema,
/// so a renamed column fails the tests, not production. A grade can be taken back (<see cref="UndoAsync"/>): its log row keeps
/// the whole state before it, and stays, marked undone; every read here counts only the grades that were not undone.
/// </summary>
public sealed class ReviewStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>
    /// Scheduled reviews longest-waiting first, then same-day re-drills: a range scan of IX_CardStates_LearnerId_Due. A card the
    /// learner suspended (<see cref="CardHoldStore"/>) is never due: one primary-key probe of <c>CardHolds</c> per row.
    /// </summary>
    internal const string DueSql = $"""
        SELECT CardId, Due, InRedrill, Version FROM CardStates
        WHERE LearnerId = $learner AND Due <= $now AND {NotSuspended}
        ORDER BY InRedrill, Due
        LIMIT $limit
        """;

    /// <summary>The condition on a <c>CardStates</c> row that its learner has not suspended it (kind 1 is <see cref="CardHoldKind.Suspended"/>).</summary>
    private const string NotSuspended = """
        NOT EXISTS (SELECT 1 FROM CardHolds h WHERE h.LearnerId = CardStates.LearnerId AND h.CardId = CardStates.CardId AND h.Kind = 1)
        """;

    private const string SelectState = """
        SELECT EasinessFactor, IntervalDays, Repetitions, Lapses, Due, ScheduledDue, InRedrill, Version, FirstSeenAt, LastReviewedAt
        FROM CardStates WHERE LearnerId = $learner AND CardId = $card
        """;

    private const string LogExists = """
        SELECT EXISTS (SELECT 1 FROM ReviewLogs WHERE LearnerId = $learner AND CardId = $card AND StateVersion = $version AND UndoneAt IS NULL)
        """;

    private const string InsertState = """
        INSERT INTO CardStates (LearnerId, CardId, EasinessFactor, IntervalDays, Repetitions, Lapses, Due, ScheduledDue, InRedrill, Version, FirstSeenAt, LastReviewedAt)
        VALUES ($learner, $card, $ef, $interval, $repetitions, $lapses, $due, $scheduled, $redrill, $version, $firstSeen, $lastReviewed)
        """;

    // The version in the WHERE clause is the optimistic check: a concurrent grade of the same version updates nothing.
    private const string UpdateState = """
        UPDATE CardStates SET EasinessFactor = $ef, IntervalDays = $interval, Repetitions = $repetitions, Lapses = $lapses,
            Due = $due, ScheduledDue = $scheduled, InRedrill = $redrill, Version = $version, LastReviewedAt = $lastReviewed
        WHERE LearnerId = $learner AND CardId = $card AND Version = $expectedVersion
        """;

    private const string InsertLog = """
        INSERT INTO ReviewLogs (LearnerId, CardId, StateVersion, Quality, Kind, AnsweredAt,
            PreviousEasinessFactor, PreviousIntervalDays, PreviousRepetitions, PreviousDue,
            NextEasinessFactor, NextIntervalDays, NextRepetitions, NextDue,
            PreviousLapses, PreviousScheduledDue, PreviousInRedrill, PreviousLastReviewedAt, StudyDay, ChosenOptions)
        VALUES ($learner, $card, $version, $quality, $kind, $answeredAt, $prevEf, $prevInterval, $prevRepetitions, $prevDue,
            $nextEf, $nextInterval, $nextRepetitions, $nextDue,
            $prevLapses, $prevScheduled, $prevRedrill, $prevLastReviewed, $day, $chosen)
        RETURNING Id
        """;

    // The learner's study day, fixed now in their zone of the moment: streaks and the leaderboard count it as it was.
    private const string UpsertStudyDay = """
        INSERT INTO StudyDays (LearnerId, Day, Reviews, Scored, Correct) VALUES ($learner, $day, 1, $scored, $correct)
        ON CONFLICT (LearnerId, Day) DO UPDATE SET
            Reviews = Reviews + 1, Scored = Scored + excluded.Scored, Correct = Correct + excluded.Correct
        """;

    /// <summary>
    /// Records one grade in one transaction: the card state, the review log row and the count on the learner's study day
    /// (in <paramref name="zone"/> now, kept as it is if they move zone later) change together or not at all.
    /// <paramref name="answersVersion"/> is the state version the learner saw when asked (0 for a new card);
    /// a second submit of the same answer finds the version moved on and is reported as a duplicate.
    /// </summary>
    public Task<ReviewOutcome> RecordAsync(
        long learnerId, string cardId, int answersVersion, int quality, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        RecordAsync(learnerId, cardId, answersVersion, quality, zone, chosenOptions: null, cancellationToken);

    /// <summary>
    /// As above, for a multiple-choice answer: <paramref name="chosenOptions"/> are the options chosen by their place in the
    /// card file, kept on the log row for the authors' statistics (<c>content stats</c>).
    /// </summary>
    public async Task<ReviewOutcome> RecordAsync(
        long learnerId, string cardId, int answersVersion, int quality, TimeZoneInfo zone, IReadOnlyCollection<int>? chosenOptions,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 5);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StorageEncoding.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: the read and the write below see no other writer in between.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var state = await ReadStateAsync(transaction, learnerId, cardId, cancellationToken).ConfigureAwait(false);
        var currentVersion = state?.Version ?? 0;
        if (answersVersion != currentVersion)
        {
            var counted = await LogExistsAsync(transaction, learnerId, cardId, answersVersion, cancellationToken).ConfigureAwait(false);
            var snapshot = state is null ? CardStateSnapshot.Unseen(cardId) : CardStateSnapshot.From(state);
            return new ReviewOutcome(counted ? RecordResult.Duplicate : RecordResult.Stale, ReviewKind.Scheduled, snapshot);
        }

        var now = time.GetUtcNow();
        var (updated, log) = Apply(state, learnerId, cardId, quality, now, zone);
        log.ChosenOptions = ReviewChoices.Format(chosenOptions);
        bool written;
        try
        {
            written = await WriteAsync(transaction, updated, log, StudyCalendar.StudyDay(now, zone), cancellationToken).ConfigureAwait(false);
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
        return new ReviewOutcome(RecordResult.Recorded, log.Kind, CardStateSnapshot.From(updated)) { LogId = log.Id };
    }

    private const string SelectLogById = UndoLogColumns + " WHERE Id = $id";

    // The learner's latest grade that still counts: the top of the (learner, answered at) index.
    private const string SelectLastLog = UndoLogColumns + " WHERE LearnerId = $learner AND UndoneAt IS NULL ORDER BY AnsweredAt DESC, Id DESC LIMIT 1";

    private const string UndoLogColumns = """
        SELECT Id, LearnerId, CardId, StateVersion, Quality, Kind, AnsweredAt, UndoneAt,
            PreviousEasinessFactor, PreviousIntervalDays, PreviousRepetitions, PreviousDue,
            PreviousLapses, PreviousScheduledDue, PreviousInRedrill, PreviousLastReviewedAt, StudyDay
        FROM ReviewLogs
        """;

    private const string SelectVersion = "SELECT Version FROM CardStates WHERE LearnerId = $learner AND CardId = $card";

    // The version checks are the optimistic lock: a grade or an undo that got in first leaves nothing to change here.
    private const string DeleteNewState = "DELETE FROM CardStates WHERE LearnerId = $learner AND CardId = $card AND Version = $after";

    private const string RestoreState = """
        UPDATE CardStates SET EasinessFactor = $ef, IntervalDays = $interval, Repetitions = $repetitions, Lapses = $lapses,
            Due = $due, ScheduledDue = $scheduled, InRedrill = $redrill, Version = $before, LastReviewedAt = $lastReviewed
        WHERE LearnerId = $learner AND CardId = $card AND Version = $after
        """;

    private const string MarkUndone = "UPDATE ReviewLogs SET UndoneAt = $now WHERE Id = $id AND UndoneAt IS NULL";

    private const string UncountStudyDay = """
        UPDATE StudyDays SET Reviews = Reviews - 1, Scored = Scored - $scored, Correct = Correct - $correct
        WHERE LearnerId = $learner AND Day = $day
        """;

    // A day whose only grade was undone was not a study day: the row goes, as if the grade had never been given.
    private const string DeleteEmptyStudyDay = "DELETE FROM StudyDays WHERE LearnerId = $learner AND Day = $day AND Reviews <= 0";

    /// <summary>
    /// Takes back one grade (<paramref name="logId"/>, or the learner's latest counted grade when null) in one transaction:
    /// the card state goes back to what it was before the grade, column for column (a card graded for the first time
    /// becomes new again: its state row is deleted), the log row is marked undone (it stays, counted nowhere) and the
    /// study day's counts drop by what the grade added. Refused, changing nothing, when the grade is someone else's, was
    /// already undone, the card was graded again since, or it is older than <paramref name="window"/>. The state's version
    /// is checked in the same transaction, so of two undo presses at once exactly one succeeds.
    /// </summary>
    public async Task<UndoOutcome> UndoAsync(long learnerId, long? logId, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StorageEncoding.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var log = await ReadUndoLogAsync(transaction, learnerId, logId, cancellationToken).ConfigureAwait(false);
        if (log is null)
        {
            return new UndoOutcome(UndoResult.NothingToUndo, null);
        }

        var grade = new UndoneGrade(log.CardId, log.Quality, log.Kind, log.AnsweredAt);
        var now = time.GetUtcNow();
        var result = log.LearnerId != learnerId ? UndoResult.NotYours
            : log.UndoneAt is not null ? UndoResult.AlreadyUndone
            : await ReadVersionAsync(transaction, learnerId, log.CardId, cancellationToken).ConfigureAwait(false) != log.StateVersion + 1 ? UndoResult.GradedAgain
            : now - log.AnsweredAt > window ? UndoResult.Expired
            : log.PreviousLapses is null || log.PreviousInRedrill is null || log.StudyDay is null ? UndoResult.NotUndoable
            : UndoResult.Undone;
        if (result != UndoResult.Undone)
        {
            return new UndoOutcome(result, result == UndoResult.NotYours ? null : grade);
        }

        var key = new (string, object?)[] { ("$learner", learnerId), ("$card", log.CardId), ("$after", log.StateVersion + 1) };
        var restore = log.Kind == ReviewKind.New
            ? Command(transaction, DeleteNewState, key)
            : Command(transaction, RestoreState, [.. key,
                ("$ef", log.PreviousEasinessFactor), ("$interval", log.PreviousIntervalDays), ("$repetitions", log.PreviousRepetitions),
                ("$lapses", log.PreviousLapses), ("$due", StorageEncoding.Millis(log.PreviousDue!.Value)),
                ("$scheduled", StorageEncoding.Millis(log.PreviousScheduledDue!.Value)), ("$redrill", log.PreviousInRedrill),
                ("$before", log.StateVersion), ("$lastReviewed", StorageEncoding.Millis(log.PreviousLastReviewedAt!.Value))]);
        await using (restore)
        {
            if (await restore.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return new UndoOutcome(UndoResult.GradedAgain, grade);
            }
        }

        await using (var mark = Command(transaction, MarkUndone, ("$id", log.Id), ("$now", StorageEncoding.Millis(now))))
        {
            if (await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return new UndoOutcome(UndoResult.AlreadyUndone, grade);
            }
        }

        var scored = log.Kind != ReviewKind.Redrill;
        var day = StorageEncoding.Day(log.StudyDay!.Value);
        await using (var uncount = Command(transaction, UncountStudyDay, ("$learner", learnerId), ("$day", day), ("$scored", scored ? 1 : 0),
            ("$correct", scored && log.Quality >= Sm2.PassingQuality ? 1 : 0)))
        {
            await uncount.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var empty = Command(transaction, DeleteEmptyStudyDay, ("$learner", learnerId), ("$day", day)))
        {
            await empty.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PrepBotMetrics.ReviewsUndone.Add(1, new KeyValuePair<string, object?>("grade", GradeName(log.Quality)));
        return new UndoOutcome(UndoResult.Undone, grade);
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
        var connection = await StorageEncoding.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        return await ReadDueAsync(connection, learnerId, now, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's cards that fall due at or before <paramref name="until"/>, with when (a range of the due index); suspended cards left out.</summary>
    public async Task<IReadOnlyList<(string CardId, DateTimeOffset Due)>> GetDueUntilAsync(long learnerId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardStates
            .Where(s => s.LearnerId == learnerId && s.Due <= until
                && !db.CardHolds.Any(h => h.LearnerId == s.LearnerId && h.CardId == s.CardId && h.Kind == CardHoldKind.Suspended))
            .Select(s => new { s.CardId, s.Due })
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
        return await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .OrderBy(r => r.AnsweredAt)
            .Select(r => new ReviewMoment(r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's grades from <paramref name="since"/> until before <paramref name="until"/>, in no particular order.</summary>
    public async Task<IReadOnlyList<ReviewMoment>> GetReviewMomentsAsync(long learnerId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since && r.AnsweredAt < until)
            .Select(r => new ReviewMoment(r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many grades of each kind the learner has given since <paramref name="since"/> (kinds without grades left out).</summary>
    public async Task<IReadOnlyDictionary<ReviewKind, int>> CountGradesSinceAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .GroupBy(r => r.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(c => c.Kind, c => c.Count);
    }

    /// <summary>When each of <paramref name="learnerIds"/> last answered a card (learners who never did are left out).</summary>
    public async Task<IReadOnlyDictionary<long, DateTimeOffset>> GetLastAnsweredAsync(IReadOnlyCollection<long> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        if (learnerIds.Count == 0)
        {
            return new Dictionary<long, DateTimeOffset>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => learnerIds.Contains(r.LearnerId))
            .GroupBy(r => r.LearnerId)
            .Select(g => new { LearnerId = g.Key, Last = g.Max(r => r.AnsweredAt) })
            .ToDictionaryAsync(x => x.LearnerId, x => x.Last, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every learner's cards due at <paramref name="now"/>, streamed (one scan of the due dates, for the reminder run);
    /// <paramref name="onCard"/> sees each (learner, card) pair.
    /// </summary>
    public async Task ScanAllDueAsync(DateTimeOffset now, Action<long, string> onCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onCard);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StorageEncoding.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT LearnerId, CardId FROM CardStates WHERE Due <= $now AND {NotSuspended}";
        command.Parameters.AddWithValue("$now", StorageEncoding.Millis(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            onCard(reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>
    /// A pause moves the learner's cards due from <paramref name="from"/> until before <paramref name="until"/> by
    /// <paramref name="shift"/> (their scheduled due too when it falls in that range). The cards are changed on
    /// <paramref name="db"/>, so they are saved by the caller's SaveChanges in the caller's transaction; returns their ids.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> ShiftDueAsync(
        PrepBotDbContext db, long learnerId, DateTimeOffset from, DateTimeOffset until, Func<DateTimeOffset, DateTimeOffset> shift,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shift);
        var cards = await db.CardStates.Where(s => s.LearnerId == learnerId && s.Due >= from && s.Due < until)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var card in cards)
        {
            var scheduledInPause = card.ScheduledDue >= from && card.ScheduledDue < until;
            card.Due = shift(card.Due);
            if (scheduledInPause)
            {
                card.ScheduledDue = shift(card.ScheduledDue);
            }
        }

        return [.. cards.Select(c => c.CardId)];
    }

    /// <summary>
    /// A pause ended early: the cards <paramref name="cardIds"/> not answered after <paramref name="pausedAt"/> move by
    /// <paramref name="shift"/>, never before <paramref name="earliest"/> (their scheduled due with them when it was their due).
    /// Changed on <paramref name="db"/> as <see cref="ShiftDueAsync"/>; returns how many moved.
    /// </summary>
    internal static async Task<int> ShiftBackAsync(
        PrepBotDbContext db, long learnerId, string[] cardIds, DateTimeOffset pausedAt, Func<DateTimeOffset, DateTimeOffset> shift, DateTimeOffset earliest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shift);
        var cards = await db.CardStates.Where(s => s.LearnerId == learnerId && cardIds.Contains(s.CardId) && s.LastReviewedAt <= pausedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var card in cards)
        {
            var wasScheduled = card.ScheduledDue == card.Due;
            var back = shift(card.Due);
            card.Due = back < earliest ? earliest : back;
            if (wasScheduled)
            {
                card.ScheduledDue = card.Due;
            }
        }

        return cards.Count;
    }

    /// <summary>Which card each of the learner's grades since <paramref name="since"/> was for, oldest first (per-topic retention).</summary>
    public async Task<IReadOnlyList<CardReview>> GetCardReviewsAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .OrderBy(r => r.AnsweredAt)
            .Select(r => new CardReview(r.CardId, r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The learner's cards with at least <paramref name="minLapses"/> lapses (leeches, see <see cref="LearningOptions.IsLeech"/>),
    /// most lapses first.
    /// </summary>
    public async Task<IReadOnlyList<(string CardId, int Lapses)>> GetLeechesAsync(long learnerId, int minLapses, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.Lapses >= minLapses)
            .Select(s => new { s.CardId, s.Lapses })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.Lapses).ThenBy(r => r.CardId, StringComparer.Ordinal).Select(r => (r.CardId, r.Lapses))];
    }

    private static async Task<ReviewLog?> ReadUndoLogAsync(SqliteTransaction transaction, long learnerId, long? logId, CancellationToken cancellationToken)
    {
        await using var command = logId is { } id
            ? Command(transaction, SelectLogById, ("$id", id))
            : Command(transaction, SelectLastLog, ("$learner", learnerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        DateTimeOffset? Instant(int column) => reader.IsDBNull(column) ? null : StorageEncoding.Instant(reader.GetInt64(column));
        return new ReviewLog
        {
            Id = reader.GetInt64(0),
            LearnerId = reader.GetInt64(1),
            CardId = reader.GetString(2),
            StateVersion = reader.GetInt32(3),
            Quality = reader.GetInt32(4),
            Kind = (ReviewKind)reader.GetInt32(5),
            AnsweredAt = StorageEncoding.Instant(reader.GetInt64(6)),
            UndoneAt = Instant(7),
            PreviousEasinessFactor = reader.GetDouble(8),
            PreviousIntervalDays = reader.GetInt32(9),
            PreviousRepetitions = reader.GetInt32(10),
            PreviousDue = Instant(11),
            PreviousLapses = reader.IsDBNull(12) ? null : reader.GetInt32(12),
            PreviousScheduledDue = Instant(13),
            PreviousInRedrill = reader.IsDBNull(14) ? null : reader.GetBoolean(14),
            PreviousLastReviewedAt = Instant(15),
            StudyDay = reader.IsDBNull(16) ? null : DateOnly.ParseExact(reader.GetString(16), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<int?> ReadVersionAsync(SqliteTransaction transaction, long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, SelectVersion, ("$learner", learnerId), ("$card", cardId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? (int)version : null;
    }

    /// <summary>The grades that count: every review-log row but the undone ones.</summary>
    private static IQueryable<ReviewLog> Counted(PrepBotDbContext db) => db.ReviewLogs.AsNoTracking().Where(r => r.UndoneAt == null);

    private static async Task<CardState?> ReadStateAsync(SqliteTransaction transaction, long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, SelectState, ("$learner", learnerId), ("$card", cardId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new CardState
        {
            LearnerId = learnerId,
            CardId = cardId,
            EasinessFactor = reader.GetDouble(0),
            IntervalDays = reader.GetInt32(1),
            Repetitions = reader.GetInt32(2),
            Lapses = reader.GetInt32(3),
            Due = StorageEncoding.Instant(reader.GetInt64(4)),
            ScheduledDue = StorageEncoding.Instant(reader.GetInt64(5)),
            InRedrill = reader.GetBoolean(6),
            Version = reader.GetInt32(7),
            FirstSeenAt = StorageEncoding.Instant(reader.GetInt64(8)),
            LastReviewedAt = StorageEncoding.Instant(reader.GetInt64(9)),
        };
    }

    private static async Task<bool> LogExistsAsync(SqliteTransaction transaction, long learnerId, string cardId, int version, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, LogExists, ("$learner", learnerId), ("$card", cardId), ("$version", version));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// Writes the new state (insert for a new card), the log row and the grade's count on its study day; false when another
    /// grade of this version won.
    /// </summary>
    private static async Task<bool> WriteAsync(SqliteTransaction transaction, CardState state, ReviewLog log, DateOnly studyDay, CancellationToken cancellationToken)
    {
        var values = new (string, object?)[]
        {
            ("$learner", state.LearnerId), ("$card", state.CardId), ("$ef", state.EasinessFactor), ("$interval", state.IntervalDays),
            ("$repetitions", state.Repetitions), ("$lapses", state.Lapses), ("$due", StorageEncoding.Millis(state.Due)),
            ("$scheduled", StorageEncoding.Millis(state.ScheduledDue)), ("$redrill", state.InRedrill), ("$version", state.Version),
            ("$firstSeen", StorageEncoding.Millis(state.FirstSeenAt)), ("$lastReviewed", StorageEncoding.Millis(state.LastReviewedAt)), ("$expectedVersion", log.StateVersion),
        };
        var isNew = log.Kind == ReviewKind.New;
        await using (var write = Command(transaction, isNew ? InsertState : UpdateState, isNew ? values[..^1] : values))
        {
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        await using var insert = Command(transaction, InsertLog,
            ("$learner", log.LearnerId), ("$card", log.CardId), ("$version", log.StateVersion), ("$quality", log.Quality),
            ("$kind", (int)log.Kind), ("$answeredAt", StorageEncoding.Millis(log.AnsweredAt)),
            ("$prevEf", log.PreviousEasinessFactor), ("$prevInterval", log.PreviousIntervalDays),
            ("$prevRepetitions", log.PreviousRepetitions), ("$prevDue", log.PreviousDue is { } previous ? StorageEncoding.Millis(previous) : null),
            ("$nextEf", log.NextEasinessFactor), ("$nextInterval", log.NextIntervalDays),
            ("$nextRepetitions", log.NextRepetitions), ("$nextDue", StorageEncoding.Millis(log.NextDue)),
            ("$prevLapses", log.PreviousLapses), ("$prevScheduled", log.PreviousScheduledDue is { } scheduled ? StorageEncoding.Millis(scheduled) : null),
            ("$prevRedrill", log.PreviousInRedrill),
            ("$prevLastReviewed", log.PreviousLastReviewedAt is { } reviewed ? StorageEncoding.Millis(reviewed) : null),
            ("$day", StorageEncoding.Day(studyDay)), ("$chosen", log.ChosenOptions));
        log.Id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        log.StudyDay = studyDay;

        var scored = log.Kind != ReviewKind.Redrill;
        await using var day = Command(transaction, UpsertStudyDay,
            ("$learner", log.LearnerId), ("$day", StorageEncoding.Day(studyDay)), ("$scored", scored ? 1 : 0),
            ("$correct", scored && log.Quality >= Sm2.PassingQuality ? 1 : 0));
        await day.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<IReadOnlyList<DueCard>> ReadDueAsync(SqliteConnection connection, long learnerId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, DueSql, ("$learner", learnerId), ("$now", StorageEncoding.Millis(now)), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<DueCard>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueCard(reader.GetString(0), StorageEncoding.Instant(reader.GetInt64(1)), reader.GetBoolean(2), reader.GetInt32(3)));
        }

        return due;
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Command(transaction.Connection!, transaction, sql, parameters);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
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
            PreviousLapses = state.Lapses,
            PreviousScheduledDue = kind == ReviewKind.New ? null : state.ScheduledDue,
            PreviousInRedrill = state.InRedrill,
            PreviousLastReviewedAt = kind == ReviewKind.New ? null : state.LastReviewedAt,
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

public enum UndoResult
{
    /// <summary>The grade was taken back.</summary>
    Undone,

    /// <summary>No such grade (or the learner has no grade that still counts).</summary>
    NothingToUndo,

    /// <summary>The grade is another learner's.</summary>
    NotYours,

    /// <summary>The grade was undone already.</summary>
    AlreadyUndone,

    /// <summary>The card was graded again since: only its latest grade can be taken back.</summary>
    GradedAgain,

    /// <summary>The grade is older than the undo window.</summary>
    Expired,

    /// <summary>The grade was recorded before PrepBot kept what an undo needs.</summary>
    NotUndoable,
}

/// <summary>The grade an undo was about: its card, SM-2 quality, kind and when it was given.</summary>
public sealed record UndoneGrade(string CardId, int Quality, ReviewKind Kind, DateTimeOffset AnsweredAt);

/// <summary>What an undo did; <see cref="Grade"/> is null when there was no grade of the learner's to speak of.</summary>
public sealed record UndoOutcome(UndoResult Result, UndoneGrade? Grade);

/// <summary>One grade's time and value, for streaks and statistics.</summary>
public sealed record ReviewMoment(DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);

/// <summary>One grade of one card, for per-topic statistics.</summary>
public sealed record CardReview(string CardId, DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);
