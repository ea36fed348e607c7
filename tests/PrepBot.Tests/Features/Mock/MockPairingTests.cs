using PrepBot.Data;
using PrepBot.Features.Mock;

namespace PrepBot.Tests.Features.Mock;

public sealed class MockPairingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    private static MockQueueEntry Waiting(long id, long learnerId, int minutesAgo, int expiresInMinutes = 20) => new()
    {
        Id = id,
        GuildId = "1",
        ChannelId = "2",
        LearnerId = learnerId,
        Kind = MockKind.Sql,
        JoinedAt = Now.AddMinutes(-minutesAgo),
        ExpiresAt = Now.AddMinutes(expiresInMinutes),
    };

    [Fact]
    public void The_longest_waiting_member_is_matched_first()
    {
        var chosen = MockPairing.Choose(1, [Waiting(1, 10, minutesAgo: 2), Waiting(2, 11, minutesAgo: 9), Waiting(3, 12, minutesAgo: 5)], new HashSet<long>(), Now);

        Assert.Equal(11, chosen?.LearnerId);
    }

    [Fact]
    public void Yesterdays_partner_is_passed_over_while_someone_else_waits()
    {
        var chosen = MockPairing.Choose(1, [Waiting(1, 10, minutesAgo: 9), Waiting(2, 11, minutesAgo: 2)], new HashSet<long> { 10 }, Now);

        Assert.Equal(11, chosen?.LearnerId);
    }

    [Fact]
    public void Yesterdays_partner_is_matched_when_nobody_else_waits()
    {
        var chosen = MockPairing.Choose(1, [Waiting(1, 10, minutesAgo: 9)], new HashSet<long> { 10 }, Now);

        Assert.Equal(10, chosen?.LearnerId);
    }

    [Fact]
    public void A_lapsed_place_and_the_seeker_themselves_are_never_matched()
    {
        var chosen = MockPairing.Choose(1, [Waiting(1, 1, minutesAgo: 30), Waiting(2, 10, minutesAgo: 20, expiresInMinutes: 0)], new HashSet<long>(), Now);

        Assert.Null(chosen);
    }

    [Fact]
    public void Recent_means_since_the_start_of_yesterday_in_the_seekers_time_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 18:00 UTC on 2 March is 13:00 in New York (EST, UTC-5): yesterday began at 1 March 00:00 local, 05:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), MockPairing.RecentSince(Now, zone).ToUniversalTime());
    }
}
