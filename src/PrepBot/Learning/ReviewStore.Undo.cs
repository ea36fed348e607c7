using System.Data.Common;
using PrepBot.Data;
using PrepBot.Telemetry;

namespace PrepBot.Learning;

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

/// <summary>Taking a grade back: the log row keeps the state before it, so the restore is exact and happens once.</summary>
public sealed partial class ReviewStore
{
    private const string SelectLogById = UndoLogColumns + " WHERE \"Id\" = @id";

    // The learner's latest grade that still counts: the top of the (learner, answered at) index.
    private const string SelectLastLog = UndoLogColumns + """
         WHERE "LearnerId" = @learner AND "UndoneAt" IS NULL ORDER BY "AnsweredAt" DESC, "Id" DESC LIMIT 1
        """;

    private const string UndoLogColumns = """
        SELECT "Id", "LearnerId", "CardId", "StateVersion", "Quality", "Kind", "AnsweredAt", "UndoneAt",
            "PreviousEasinessFactor", "PreviousIntervalDays", "PreviousRepetitions", "PreviousDue",
            "PreviousLapses", "PreviousScheduledDue", "PreviousInRedrill", "PreviousLastReviewedAt", "StudyDay", "PreviousStability", "PreviousDifficulty"
        FROM "ReviewLogs"
        """;

    private const string SelectVersion = """SELECT "Version" FROM "CardStates" WHERE "LearnerId" = @learner AND "CardId" = @card""";

    // The version checks are the optimistic lock: a grade or an undo that got in first leaves nothing to change here.
    private const string DeleteNewState = """DELETE FROM "CardStates" WHERE "LearnerId" = @learner AND "CardId" = @card AND "Version" = @after""";

    private const string RestoreState = """
        UPDATE "CardStates" SET "EasinessFactor" = @ef, "IntervalDays" = @interval, "Repetitions" = @repetitions, "Lapses" = @lapses,
            "Due" = @due, "ScheduledDue" = @scheduled, "InRedrill" = @redrill, "Version" = @before, "LastReviewedAt" = @lastReviewed,
            "Stability" = @stability, "Difficulty" = @difficulty
        WHERE "LearnerId" = @learner AND "CardId" = @card AND "Version" = @after
        """;

    private const string MarkUndone = """UPDATE "ReviewLogs" SET "UndoneAt" = @now WHERE "Id" = @id AND "UndoneAt" IS NULL""";

    private const string UncountStudyDay = """
        UPDATE "StudyDays" SET "Reviews" = "Reviews" - 1, "Scored" = "Scored" - @scored, "Correct" = "Correct" - @correct
        WHERE "LearnerId" = @learner AND "Day" = @day
        """;

    // A day whose only grade was undone was not a study day: the row goes, as if the grade had never been given.
    private const string DeleteEmptyStudyDay = """DELETE FROM "StudyDays" WHERE "LearnerId" = @learner AND "Day" = @day AND "Reviews" <= 0""";

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
        return await StoreCommand.RunAsync(db, ct => UndoOnceAsync(db, learnerId, logId, window, ct), cancellationToken).ConfigureAwait(false);
    }

    // One attempt: run again after a lost connection whose commit landed, it finds the grade undone already.
    private async Task<UndoOutcome> UndoOnceAsync(PrepBotDbContext db, long learnerId, long? logId, TimeSpan window, CancellationToken cancellationToken)
    {
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await StoreCommand.BeginWriteAsync(connection, LockScope.Learner, learnerId, cancellationToken).ConfigureAwait(false);
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

        var key = new (string, object?)[] { ("@learner", learnerId), ("@card", log.CardId), ("@after", log.StateVersion + 1) };
        var restore = log.Kind == ReviewKind.New
            ? Command(transaction, DeleteNewState, key)
            : Command(transaction, RestoreState, [.. key,
                ("@ef", log.PreviousEasinessFactor), ("@interval", log.PreviousIntervalDays), ("@repetitions", log.PreviousRepetitions),
                ("@lapses", log.PreviousLapses), ("@due", StorageEncoding.Millis(log.PreviousDue!.Value)),
                ("@scheduled", StorageEncoding.Millis(log.PreviousScheduledDue!.Value)), ("@redrill", log.PreviousInRedrill),
                ("@before", log.StateVersion), ("@lastReviewed", StorageEncoding.Millis(log.PreviousLastReviewedAt!.Value)),
                ("@stability", log.PreviousStability), ("@difficulty", log.PreviousDifficulty)]);
        await using (restore)
        {
            if (await restore.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return new UndoOutcome(UndoResult.GradedAgain, grade);
            }
        }

        await using (var mark = Command(transaction, MarkUndone, ("@id", log.Id), ("@now", StorageEncoding.Millis(now))))
        {
            if (await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return new UndoOutcome(UndoResult.AlreadyUndone, grade);
            }
        }

        var scored = log.Kind != ReviewKind.Redrill;
        var day = log.StudyDay!.Value;
        await using (var uncount = Command(transaction, UncountStudyDay, ("@learner", learnerId), ("@day", day), ("@scored", scored ? 1 : 0),
            ("@correct", scored && log.Quality >= Sm2.PassingQuality ? 1 : 0)))
        {
            await uncount.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var empty = Command(transaction, DeleteEmptyStudyDay, ("@learner", learnerId), ("@day", day)))
        {
            await empty.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PrepBotMetrics.ReviewsUndone.Add(1, new KeyValuePair<string, object?>("grade", GradeName(log.Quality)));
        return new UndoOutcome(UndoResult.Undone, grade);
    }

    private static async Task<ReviewLog?> ReadUndoLogAsync(DbTransaction transaction, long learnerId, long? logId, CancellationToken cancellationToken)
    {
        await using var command = logId is { } id
            ? Command(transaction, SelectLogById, ("@id", id))
            : Command(transaction, SelectLastLog, ("@learner", learnerId));
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
            StudyDay = reader.IsDBNull(16) ? null : reader.GetFieldValue<DateOnly>(16),
            PreviousStability = reader.IsDBNull(17) ? null : reader.GetDouble(17),
            PreviousDifficulty = reader.IsDBNull(18) ? null : reader.GetDouble(18),
        };
    }

    private static async Task<int?> ReadVersionAsync(DbTransaction transaction, long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, SelectVersion, ("@learner", learnerId), ("@card", cardId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } version and not DBNull
            ? Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
