using PrepBot.Features.Mock;

namespace PrepBot.Tests.Features.Mock;

public sealed class MockScheduleTimeTests
{
    // 08:00 UTC is 09:00 in Berlin (CET) on 2 March 2026.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void A_clock_time_later_today_is_today_in_the_learners_zone()
    {
        Assert.True(MockScheduleTime.TryParse("18:30", Now, Berlin, out var at, out _));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void A_clock_time_already_past_today_is_tomorrow()
    {
        Assert.True(MockScheduleTime.TryParse("8:15", Now, Berlin, out var at, out _));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 15, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void A_full_date_and_time_is_read_in_the_learners_zone()
    {
        Assert.True(MockScheduleTime.TryParse("2026-03-30 19:00", Now, Berlin, out var at, out _));

        // Summer time (CEST, UTC+2) from 29 March.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 17, 0, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Theory]
    [InlineData("tomorrow evening", "`time` must be `HH:MM`")]
    [InlineData("2026-03-01 10:00", "has already passed")]
    [InlineData("2026-05-01 10:00", "more than 30 days ahead")]
    [InlineData("2026-03-29 02:30", "does not exist in Europe/Berlin")]
    public void Bad_times_are_refused_with_a_message_that_says_why(string text, string expected)
    {
        Assert.False(MockScheduleTime.TryParse(text, Now, Berlin, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
