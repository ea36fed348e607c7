using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>One learner's recorded study day: every grade, the scored ones (new and scheduled) and the correct ones of those.</summary>
public sealed record StudyDayRow(DateOnly Day, int Reviews, int Scored, int Correct);

/// <summary>One learner's row of a server's week: rank (ties share it), reviews and correct answers, participants and tie size.</summary>
public sealed record WeekRankRow(int Rank, long LearnerId, string DisplayName, int Reviews, int Correct, int Participants, int SharedBy);

/// <summary>
/// Reads <c>StudyDays</c>, which <see cref="ReviewStore"/> writes in every grade's transaction (a learner's day fixed in
/// their zone of the moment): a learner's days for streaks and history, and a server's week ranked for the leaderboard.
/// </summary>
public sealed class StudyDayStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    /// <summary>
    /// A server's week ranked in one indexed query: the server's learners (key of <c>GuildLearners</c>) not opted out of
    /// the leaderboard, each learner's study days of the week (key of <c>StudyDays</c>), ranked by the <c>RANK()</c>
    /// window; the top ranks and the caller's row (index ranges only; see the README's benchmark).
    /// </summary>
    internal const string WeekSql = """
        WITH totals AS (
            SELECT d."LearnerId", SUM(d."Scored") AS "Reviews", SUM(d."Correct") AS "Correct"
            FROM "GuildLearners" g
            JOIN "StudyDays" d ON d."LearnerId" = g."LearnerId" AND d."Day" >= @first AND d."Day" <= @last
            WHERE g."GuildId" = @guild
              AND NOT EXISTS (SELECT 1 FROM "LeaderboardOptOuts" o WHERE o."LearnerId" = g."LearnerId")
            GROUP BY d."LearnerId"
            HAVING SUM(d."Scored") > 0
        ),
        ranked AS (
            SELECT "LearnerId", "Reviews", "Correct",
                RANK() OVER (ORDER BY "Correct" DESC, "Reviews" DESC) AS "Rank",
                COUNT(*) OVER (PARTITION BY "Correct", "Reviews") AS "SharedBy",
                COUNT(*) OVER () AS "Participants"
            FROM totals
        )
        SELECT r."Rank", r."LearnerId", l."DisplayName", r."Reviews", r."Correct", r."Participants", r."SharedBy"
        FROM ranked r JOIN "Learners" l ON l."Id" = r."LearnerId"
        WHERE r."Rank" <= @top OR r."LearnerId" = @caller
        ORDER BY r."Rank", LOWER(l."DisplayName"), r."LearnerId"
        """;

    /// <summary>Every recorded study day of the learner.</summary>
    public async Task<IReadOnlyList<StudyDayRow>> GetDaysAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.StudyDays.AsNoTracking()
            .Where(d => d.LearnerId == learnerId)
            .Select(d => new StudyDayRow(d.Day, d.Reviews, d.Scored, d.Correct))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The server's week from <paramref name="first"/> to <paramref name="last"/> (both included), best first: rows ranked
    /// <paramref name="top"/> or better, and the caller's row wherever it ranks.
    /// </summary>
    public async Task<IReadOnlyList<WeekRankRow>> RankWeekAsync(
        string guildId, DateOnly first, DateOnly last, int top, long callerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = StoreCommand.Create(
            connection, null, WeekSql, ("@guild", guildId), ("@first", first), ("@last", last), ("@top", top), ("@caller", callerId));

        var rows = new List<WeekRankRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new WeekRankRow(Int(reader, 0), reader.GetInt64(1), reader.GetString(2), Int(reader, 3), Int(reader, 4), Int(reader, 5), Int(reader, 6)));
        }

        return rows;
    }

    /// <summary>A rank, count or sum (64-bit or numeric on PostgreSQL) as an int.</summary>
    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
