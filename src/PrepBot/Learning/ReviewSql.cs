using Microsoft.Data.Sqlite;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>
/// The two hot paths — recording a grade and reading the due queue — as hand-written SQL on the connection
/// of a <see cref="PrepBotDbContext"/>. Measured with 1,000,000 card states, EF Core's change tracking and
/// SaveChanges cost about 0.5 ms a grade, four times the SQL itself (see the README's benchmarks). The
/// schema is still EF Core's (entities and migrations); every test of <see cref="ReviewStore"/> runs this
/// SQL against the migrated schema, so a renamed column fails the tests, not production.
/// </summary>
internal static class ReviewSql
{
    /// <summary>Scheduled reviews longest-waiting first, then same-day re-drills: a range scan of IX_CardStates_LearnerId_Due.</summary>
    public const string Due = """
        SELECT CardId, Due, InRedrill, Version FROM CardStates
        WHERE LearnerId = $learner AND Due <= $now
        ORDER BY InRedrill, Due
        LIMIT $limit
        """;

    private const string SelectState = """
        SELECT EasinessFactor, IntervalDays, Repetitions, Lapses, Due, ScheduledDue, InRedrill, Version, FirstSeenAt, LastReviewedAt
        FROM CardStates WHERE LearnerId = $learner AND CardId = $card
        """;

    private const string LogExists = """
        SELECT EXISTS (SELECT 1 FROM ReviewLogs WHERE LearnerId = $learner AND CardId = $card AND StateVersion = $version)
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
            NextEasinessFactor, NextIntervalDays, NextRepetitions, NextDue)
        VALUES ($learner, $card, $version, $quality, $kind, $answeredAt, $prevEf, $prevInterval, $prevRepetitions, $prevDue,
            $nextEf, $nextInterval, $nextRepetitions, $nextDue)
        """;

    // The learner's study day, fixed now in their zone of the moment: streaks and the leaderboard count it as it was.
    private const string UpsertStudyDay = """
        INSERT INTO StudyDays (LearnerId, Day, Reviews, Scored, Correct) VALUES ($learner, $day, 1, $scored, $correct)
        ON CONFLICT (LearnerId, Day) DO UPDATE SET
            Reviews = Reviews + 1, Scored = Scored + excluded.Scored, Correct = Correct + excluded.Correct
        """;

    public static async Task<CardState?> ReadStateAsync(SqliteTransaction transaction, long learnerId, string cardId, CancellationToken cancellationToken)
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
            Due = Instant(reader.GetInt64(4)),
            ScheduledDue = Instant(reader.GetInt64(5)),
            InRedrill = reader.GetBoolean(6),
            Version = reader.GetInt32(7),
            FirstSeenAt = Instant(reader.GetInt64(8)),
            LastReviewedAt = Instant(reader.GetInt64(9)),
        };
    }

    public static async Task<bool> LogExistsAsync(SqliteTransaction transaction, long learnerId, string cardId, int version, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, LogExists, ("$learner", learnerId), ("$card", cardId), ("$version", version));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// Writes the new state (insert for a new card), the log row and the grade's count on its study day; false when another
    /// grade of this version won.
    /// </summary>
    public static async Task<bool> WriteAsync(SqliteTransaction transaction, CardState state, ReviewLog log, DateOnly studyDay, CancellationToken cancellationToken)
    {
        var values = new (string, object?)[]
        {
            ("$learner", state.LearnerId), ("$card", state.CardId), ("$ef", state.EasinessFactor), ("$interval", state.IntervalDays),
            ("$repetitions", state.Repetitions), ("$lapses", state.Lapses), ("$due", Millis(state.Due)),
            ("$scheduled", Millis(state.ScheduledDue)), ("$redrill", state.InRedrill), ("$version", state.Version),
            ("$firstSeen", Millis(state.FirstSeenAt)), ("$lastReviewed", Millis(state.LastReviewedAt)), ("$expectedVersion", log.StateVersion),
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
            ("$kind", (int)log.Kind), ("$answeredAt", Millis(log.AnsweredAt)),
            ("$prevEf", log.PreviousEasinessFactor), ("$prevInterval", log.PreviousIntervalDays),
            ("$prevRepetitions", log.PreviousRepetitions), ("$prevDue", log.PreviousDue is { } previous ? Millis(previous) : null),
            ("$nextEf", log.NextEasinessFactor), ("$nextInterval", log.NextIntervalDays),
            ("$nextRepetitions", log.NextRepetitions), ("$nextDue", Millis(log.NextDue)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var scored = log.Kind != ReviewKind.Redrill;
        await using var day = Command(transaction, UpsertStudyDay,
            ("$learner", log.LearnerId), ("$day", Day(studyDay)), ("$scored", scored ? 1 : 0),
            ("$correct", scored && log.Quality >= Sm2.PassingQuality ? 1 : 0));
        await day.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task<IReadOnlyList<DueCard>> ReadDueAsync(SqliteConnection connection, long learnerId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, Due, ("$learner", learnerId), ("$now", Millis(now)), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<DueCard>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueCard(reader.GetString(0), Instant(reader.GetInt64(1)), reader.GetBoolean(2), reader.GetInt32(3)));
        }

        return due;
    }

    // Instants are stored as Unix milliseconds, as PrepBotDbContext's value converter stores them.
    private static long Millis(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    private static DateTimeOffset Instant(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    /// <summary>A day as EF Core's SQLite provider stores <see cref="DateOnly"/>: ISO text, which orders as dates do.</summary>
    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
}
