using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Stats;

/// <summary>One learner's place on a week's leaderboard.</summary>
/// <param name="LearnerId">The learner's id.</param>
/// <param name="DisplayName">The name they enrolled with.</param>
/// <param name="Rank">1 for the most correct answers; learners with the same correct answers and reviews share a rank (1, 1, 3).</param>
/// <param name="Reviews">Graded reviews this week (new cards and scheduled reviews; same-day re-drills are not counted).</param>
/// <param name="Correct">Of those, the answers graded 3 (Hard) or better.</param>
/// <param name="SharedBy">How many learners hold this rank (more than 1 is a tie).</param>
public sealed record LeaderboardEntry(int Rank, long LearnerId, string DisplayName, int Reviews, int Correct, int SharedBy = 1)
{
    public bool IsTie => SharedBy > 1;
}

/// <summary>The top of a server's week, and the caller's own place when it is not among them.</summary>
/// <param name="FirstDay">The Monday of the week.</param>
/// <param name="LastDay">The Sunday of the week.</param>
/// <param name="Top">At most <see cref="LeaderboardStore.TopCount"/> entries, best first; ties in a stable order (name, then id).</param>
/// <param name="Caller">The caller's entry, when they are ranked (null without reviews this week or when opted out).</param>
/// <param name="Participants">Ranked learners of the server this week.</param>
public sealed record LeaderboardWeek(DateOnly FirstDay, DateOnly LastDay, IReadOnlyList<LeaderboardEntry> Top, LeaderboardEntry? Caller, int Participants)
{
    public bool CallerInTop => Caller is not null && Top.Any(e => e.LearnerId == Caller.LearnerId);
}

/// <summary>
/// A server's weekly leaderboard and the opt-outs (table <c>LeaderboardOptOuts</c>). The week is ranked by
/// <see cref="StudyDayStore.RankWeekAsync"/> in one indexed query over the server's learners and their study days.
/// "This week" is Monday to Sunday of the caller's current study week (their zone); each learner's grades count on the
/// study day they were made on in their own zone, as their streak counts them.
/// </summary>
public sealed class LeaderboardStore(IDbContextFactory<PrepBotDbContext> contextFactory, StudyDayStore studyDays, TimeProvider time)
{
    public const int TopCount = 10;

    /// <summary>The week (Monday to Sunday) that holds <paramref name="today"/>.</summary>
    public static (DateOnly First, DateOnly Last) WeekOf(DateOnly today)
    {
        var monday = ActivityGrid.MondayOf(today);
        return (monday, monday.AddDays(6));
    }

    public async Task<LeaderboardWeek> ReadWeekAsync(string guildId, long callerId, TimeZoneInfo callerZone, CancellationToken cancellationToken)
    {
        var (first, last) = WeekOf(StudyCalendar.StudyDay(time.GetUtcNow(), callerZone));
        var rows = await studyDays.RankWeekAsync(guildId, first, last, TopCount, callerId, cancellationToken).ConfigureAwait(false);

        var top = new List<LeaderboardEntry>();
        LeaderboardEntry? caller = null;
        var participants = 0;
        foreach (var row in rows)
        {
            var entry = new LeaderboardEntry(row.Rank, row.LearnerId, row.DisplayName, row.Reviews, row.Correct, row.SharedBy);
            participants = row.Participants;
            if (entry.Rank <= TopCount && top.Count < TopCount)
            {
                top.Add(entry);
            }

            if (entry.LearnerId == callerId)
            {
                caller = entry;
            }
        }

        return new LeaderboardWeek(first, last, top, caller, participants);
    }

    public async Task<bool> IsOptedOutAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.LeaderboardOptOuts.AnyAsync(o => o.LearnerId == learnerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the learner off every leaderboard (<paramref name="optOut"/>) or puts them back; returns whether anything changed.</summary>
    public async Task<bool> SetOptedOutAsync(long learnerId, bool optOut, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!optOut)
        {
            return await db.LeaderboardOptOuts.Where(o => o.LearnerId == learnerId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        var at = StorageEncoding.Millis(time.GetUtcNow());
        return await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "LeaderboardOptOuts" ("LearnerId", "OptedOutAt") VALUES ({learnerId}, {at}) ON CONFLICT ("LearnerId") DO NOTHING""",
            cancellationToken).ConfigureAwait(false) > 0;
    }
}
