using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Learning.Fsrs;
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
/// One class in three files: recording here, taking back in <c>ReviewStore.Undo.cs</c>, reads in <c>ReviewStore.Queries.cs</c>.
/// </summary>
public sealed partial class ReviewStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>
    /// Scheduled reviews longest-waiting first, then same-day re-drills: a range scan of IX_CardStates_LearnerId_Due. A card the
    /// learner suspended (<see cref="CardHoldStore"/>) is never due: one primary-key probe of <c>CardHolds</c> per row.
    /// </summary>
    internal const string DueSql = $"""
        SELECT "CardId", "Due", "InRedrill", "Version" FROM "CardStates"
        WHERE "LearnerId" = @learner AND "Due" <= @now AND {NotSuspended}
        ORDER BY "InRedrill", "Due"
        LIMIT @limit
        """;

    /// <summary>The condition on a <c>CardStates</c> row that its learner has not suspended it (kind 1 is <see cref="CardHoldKind.Suspended"/>).</summary>
    private const string NotSuspended = """
        NOT EXISTS (SELECT 1 FROM "CardHolds" h WHERE h."LearnerId" = "CardStates"."LearnerId" AND h."CardId" = "CardStates"."CardId" AND h."Kind" = 1)
        """;

    private const string SelectState = """
        SELECT "EasinessFactor", "IntervalDays", "Repetitions", "Lapses", "Due", "ScheduledDue", "InRedrill", "Version", "FirstSeenAt", "LastReviewedAt",
            "Stability", "Difficulty"
        FROM "CardStates" WHERE "LearnerId" = @learner AND "CardId" = @card
        """;

    private const string LogExists = """
        SELECT EXISTS (SELECT 1 FROM "ReviewLogs" WHERE "LearnerId" = @learner AND "CardId" = @card AND "StateVersion" = @version AND "UndoneAt" IS NULL)
        """;

    private const string InsertState = """
        INSERT INTO "CardStates" ("LearnerId", "CardId", "EasinessFactor", "IntervalDays", "Repetitions", "Lapses", "Due", "ScheduledDue", "InRedrill", "Version",
            "FirstSeenAt", "LastReviewedAt", "Stability", "Difficulty")
        VALUES (@learner, @card, @ef, @interval, @repetitions, @lapses, @due, @scheduled, @redrill, @version, @firstSeen, @lastReviewed,
            @stability, @difficulty)
        """;

    // The version in the WHERE clause is the optimistic check: a concurrent grade of the same version updates nothing.
    private const string UpdateState = """
        UPDATE "CardStates" SET "EasinessFactor" = @ef, "IntervalDays" = @interval, "Repetitions" = @repetitions, "Lapses" = @lapses,
            "Due" = @due, "ScheduledDue" = @scheduled, "InRedrill" = @redrill, "Version" = @version, "LastReviewedAt" = @lastReviewed,
            "Stability" = @stability, "Difficulty" = @difficulty
        WHERE "LearnerId" = @learner AND "CardId" = @card AND "Version" = @expectedVersion
        """;

    private const string InsertLog = """
        INSERT INTO "ReviewLogs" ("LearnerId", "CardId", "StateVersion", "Quality", "Kind", "AnsweredAt",
            "PreviousEasinessFactor", "PreviousIntervalDays", "PreviousRepetitions", "PreviousDue",
            "NextEasinessFactor", "NextIntervalDays", "NextRepetitions", "NextDue",
            "PreviousLapses", "PreviousScheduledDue", "PreviousInRedrill", "PreviousLastReviewedAt", "StudyDay", "ChosenOptions",
            "PreviousStability", "PreviousDifficulty")
        VALUES (@learner, @card, @logVersion, @quality, @kind, @answeredAt, @prevEf, @prevInterval, @prevRepetitions, @prevDue,
            @nextEf, @nextInterval, @nextRepetitions, @nextDue,
            @prevLapses, @prevScheduled, @prevRedrill, @prevLastReviewed, @day, @chosen, @prevStability, @prevDifficulty)
        RETURNING "Id"
        """;

    // The learner's study day, fixed now in their zone of the moment: streaks and the leaderboard count it as it was.
    private const string UpsertStudyDay = """
        INSERT INTO "StudyDays" ("LearnerId", "Day", "Reviews", "Scored", "Correct") VALUES (@learner, @day, 1, @scored, @correct)
        ON CONFLICT ("LearnerId", "Day") DO UPDATE SET
            "Reviews" = "StudyDays"."Reviews" + 1, "Scored" = "StudyDays"."Scored" + excluded."Scored",
            "Correct" = "StudyDays"."Correct" + excluded."Correct"
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
        return await StoreCommand.RunAsync(
            db, ct => RecordOnceAsync(db, learnerId, cardId, answersVersion, quality, zone, chosenOptions, ct), cancellationToken).ConfigureAwait(false);
    }

    // One attempt: safe to run again after a lost connection, since a grade whose commit landed has moved the version on.
    private async Task<ReviewOutcome> RecordOnceAsync(
        PrepBotDbContext db, long learnerId, string cardId, int answersVersion, int quality, TimeZoneInfo zone, IReadOnlyCollection<int>? chosenOptions,
        CancellationToken cancellationToken)
    {
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);

        // SQLite: BEGIN IMMEDIATE; PostgreSQL: the learner's advisory lock, taken by the first command. The read and the write
        // below see no other writer of this learner in between. Three round trips on PostgreSQL: lock and reads, writes, commit.
        await using var transaction = await StoreCommand.BeginWriteLockingInFirstCommandAsync(connection, cancellationToken).ConfigureAwait(false);
        var (state, profile) = await ReadStateAndProfileAsync(transaction, learnerId, cardId, cancellationToken).ConfigureAwait(false);
        var currentVersion = state?.Version ?? 0;
        if (answersVersion != currentVersion)
        {
            var counted = await LogExistsAsync(transaction, learnerId, cardId, answersVersion, cancellationToken).ConfigureAwait(false);
            var snapshot = state is null ? CardStateSnapshot.Unseen(cardId) : CardStateSnapshot.From(state);
            return new ReviewOutcome(counted ? RecordResult.Duplicate : RecordResult.Stale, ReviewKind.Scheduled, snapshot);
        }

        var now = time.GetUtcNow();
        var (updated, log) = Apply(state, learnerId, cardId, quality, now, zone, profile);
        log.ChosenOptions = ReviewChoices.Format(chosenOptions);
        bool written;
        try
        {
            written = await WriteAsync(transaction, updated, log, StudyCalendar.StudyDay(now, zone), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreCommand.IsUniqueViolation(ex))
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
    /// Takes the learner's lock (PostgreSQL) and reads the card's state (null for a card never graded) and the learner's
    /// scheduling profile: one command, one round trip.
    /// </summary>
    private static async Task<(CardState? State, SchedulingProfile Profile)> ReadStateAndProfileAsync(
        DbTransaction transaction, long learnerId, string cardId, CancellationToken cancellationToken)
    {
        var lockStatement = StoreCommand.LockStatement(transaction.Connection!);
        (string, object?)[] parameters = [("@learner", learnerId), ("@card", cardId)];
        if (lockStatement.Length > 0)
        {
            parameters = [.. parameters, .. StoreCommand.LockParameters(LockScope.Learner, learnerId)];
        }

        await using var command = Command(transaction, lockStatement + SelectState + ";\n" + SelectProfile, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (lockStatement.Length > 0)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        var state = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadState(reader, learnerId, cardId) : null;
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var profile = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadProfile(reader) : SchedulingProfile.Default;
        return (state, profile);
    }

    private static CardState ReadState(DbDataReader reader, long learnerId, string cardId) => new()
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
        Stability = reader.IsDBNull(10) ? null : reader.GetDouble(10),
        Difficulty = reader.IsDBNull(11) ? null : reader.GetDouble(11),
    };

    private static async Task<bool> LogExistsAsync(DbTransaction transaction, long learnerId, string cardId, int version, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, LogExists, ("@learner", learnerId), ("@card", cardId), ("@version", version));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// Writes the new state (insert for a new card), the log row and the grade's count on its study day in one command (one
    /// round trip on PostgreSQL); false when another grade of this version won (the state's version did not move: the caller
    /// rolls back).
    /// </summary>
    private static async Task<bool> WriteAsync(DbTransaction transaction, CardState state, ReviewLog log, DateOnly studyDay, CancellationToken cancellationToken)
    {
        var isNew = log.Kind == ReviewKind.New;
        var scored = log.Kind != ReviewKind.Redrill;
        var parameters = new List<(string, object?)>
        {
            ("@learner", state.LearnerId), ("@card", state.CardId), ("@ef", state.EasinessFactor), ("@interval", state.IntervalDays),
            ("@repetitions", state.Repetitions), ("@lapses", state.Lapses), ("@due", StorageEncoding.Millis(state.Due)),
            ("@scheduled", StorageEncoding.Millis(state.ScheduledDue)), ("@redrill", state.InRedrill), ("@version", state.Version),
            ("@firstSeen", StorageEncoding.Millis(state.FirstSeenAt)), ("@lastReviewed", StorageEncoding.Millis(state.LastReviewedAt)),
            ("@stability", state.Stability), ("@difficulty", state.Difficulty),
            ("@logVersion", log.StateVersion), ("@quality", log.Quality),
            ("@kind", (int)log.Kind), ("@answeredAt", StorageEncoding.Millis(log.AnsweredAt)),
            ("@prevEf", log.PreviousEasinessFactor), ("@prevInterval", log.PreviousIntervalDays),
            ("@prevRepetitions", log.PreviousRepetitions), ("@prevDue", log.PreviousDue is { } previous ? StorageEncoding.Millis(previous) : null),
            ("@nextEf", log.NextEasinessFactor), ("@nextInterval", log.NextIntervalDays),
            ("@nextRepetitions", log.NextRepetitions), ("@nextDue", StorageEncoding.Millis(log.NextDue)),
            ("@prevLapses", log.PreviousLapses), ("@prevScheduled", log.PreviousScheduledDue is { } scheduled ? StorageEncoding.Millis(scheduled) : null),
            ("@prevRedrill", log.PreviousInRedrill),
            ("@prevLastReviewed", log.PreviousLastReviewedAt is { } reviewed ? StorageEncoding.Millis(reviewed) : null),
            ("@day", studyDay), ("@chosen", log.ChosenOptions),
            ("@prevStability", log.PreviousStability), ("@prevDifficulty", log.PreviousDifficulty),
            ("@scored", scored ? 1 : 0), ("@correct", scored && log.Quality >= Sm2.PassingQuality ? 1 : 0),
        };
        if (!isNew)
        {
            parameters.Add(("@expectedVersion", log.StateVersion));
        }

        var sql = (isNew ? InsertState : UpdateState) + ";\n" + InsertLog + ";\n" + UpsertStudyDay + ";\n" + SelectVersion; // the version: moved on unless another grade won
        await using var write = Command(transaction, sql, [.. parameters]);
        long? logId = null;
        int? version = null;
        await using (var reader = await write.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // The log's id, then the state's version after the write (results of statements that return no rows are skipped
            // on SQLite and empty on PostgreSQL; every statement runs before the reader is done).
            do
            {
                if (reader.FieldCount == 1 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (logId is null)
                    {
                        logId = reader.GetInt64(0);
                    }
                    else
                    {
                        version = reader.GetInt32(0);
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        if (logId is null || version != state.Version)
        {
            return false;
        }

        log.Id = logId.Value;
        log.StudyDay = studyDay;
        return true;
    }

    private static DbCommand Command(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        StoreCommand.Create(transaction, sql, parameters);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        StoreCommand.Create(connection, transaction, sql, parameters);

    private static (CardState State, ReviewLog Log) Apply(
        CardState? state, long learnerId, string cardId, int quality, DateTimeOffset now, TimeZoneInfo zone, SchedulingProfile profile)
    {
        // FSRS-6 memory, kept whichever scheduler dates the card (a same-day re-drill goes through FSRS's same-day formula).
        var memory = state is { Stability: { } stability, Difficulty: { } difficulty } ? new FsrsMemory(stability, difficulty, state.LastReviewedAt) : null;
        var reviewTime = memory is not null && now < memory.LastReview ? memory.LastReview : now;
        var fsrs = FsrsScheduler.ForStudyDays(profile.Parameters, zone)
            .Next(memory, FsrsRatings.FromSm2Quality(quality), reviewTime, FsrsScheduler.FuzzSeed(learnerId, cardId, state?.Version ?? 0));

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
            PreviousStability = state.Stability,
            PreviousDifficulty = state.Difficulty,
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

        state.Stability = fsrs.Memory.Stability;
        state.Difficulty = fsrs.Memory.Difficulty;
        if (profile.Scheduler == SchedulerKind.Fsrs)
        {
            // FSRS dates the card (SM-2's numbers above are still kept, so switching back loses nothing).
            state.ScheduledDue = StudyCalendar.DueAfter(now, fsrs.IntervalDays, zone);
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
