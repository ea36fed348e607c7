using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// Who in a server's queue a newcomer is matched with: the longest-waiting person whose place has not lapsed, passing
/// over yesterday's and today's partners while anyone else is waiting (so a cohort mixes), but never leaving two
/// people waiting just because they met recently.
/// </summary>
public static class MockPairing
{
    public static MockQueueEntry? Choose(long seekerId, IEnumerable<MockQueueEntry> waiting, IReadOnlySet<long> recentPartners, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(recentPartners);
        return waiting
            .Where(e => e.LearnerId != seekerId && e.ExpiresAt > now)
            .OrderBy(e => recentPartners.Contains(e.LearnerId) ? 1 : 0)
            .ThenBy(e => e.JoinedAt)
            .ThenBy(e => e.Id)
            .FirstOrDefault();
    }

    /// <summary>The start of "yesterday" in the seeker's time zone: partners met since then count as recent.</summary>
    public static DateTimeOffset RecentSince(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var yesterday = local.Date.AddDays(-1);
        return new DateTimeOffset(yesterday, zone.GetUtcOffset(yesterday));
    }
}

/// <summary>Timer messages of a round, as bits of <see cref="MockSession.PostedMarks"/>.</summary>
[Flags]
public enum MockTimerMark
{
    None = 0,
    TenMinutesLeft = 1,
    FiveMinutesLeft = 2,
    TimesUp = 4,
}
