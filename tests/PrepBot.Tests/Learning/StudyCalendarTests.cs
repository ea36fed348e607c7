using PrepBot.Learning;

namespace PrepBot.Tests.Learning;

public sealed class StudyCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Review_after_midnight_but_before_four_belongs_to_the_previous_study_day()
    {
        var halfPastMidnight = new DateTimeOffset(2026, 1, 15, 0, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateOnly(2026, 1, 14), StudyCalendar.StudyDay(halfPastMidnight, Berlin));
    }

    [Fact]
    public void Study_day_follows_the_learners_zone_not_utc()
    {
        var utcEvening = new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero); // 00:30 on the 16th in Berlin

        Assert.Equal(new DateOnly(2026, 1, 15), StudyCalendar.StudyDay(utcEvening, Berlin));
        Assert.Equal(new DateOnly(2026, 1, 15), StudyCalendar.StudyDay(utcEvening, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Due_after_one_day_is_four_in_the_morning_local_time()
    {
        var evening = new DateTimeOffset(2026, 1, 15, 21, 0, 0, TimeSpan.FromHours(1));

        var due = StudyCalendar.DueAfter(evening, 1, Berlin);

        Assert.Equal(new DateTimeOffset(2026, 1, 16, 4, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void Due_date_across_the_spring_forward_change_is_still_four_local()
    {
        var beforeChange = new DateTimeOffset(2026, 3, 27, 20, 0, 0, TimeSpan.FromHours(1)); // clocks go forward on 29 March

        var due = StudyCalendar.DueAfter(beforeChange, 6, Berlin);

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 4, 0, 0, TimeSpan.FromHours(2)), due);
    }

    [Fact]
    public void Due_date_across_the_fall_back_change_is_still_four_local()
    {
        var beforeChange = new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.FromHours(2)); // clocks go back on 25 October

        var due = StudyCalendar.DueAfter(beforeChange, 1, Berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 4, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void Day_start_inside_a_dst_gap_moves_to_the_first_valid_time()
    {
        // A zone whose clocks jump from 04:00 to 05:00 on 29 March: 04:00 that day does not exist.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 4, 0, 0), 3, 29),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 4, 0, 0), 10, 25));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Gap", TimeSpan.Zero, "Gap", "Gap", "Gap summer", [rule]);

        var start = StudyCalendar.StartOf(new DateOnly(2026, 3, 29), zone);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.FromHours(1)), start);
    }

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    public void Zone_ids_are_looked_up_or_refused(string id, bool known) =>
        Assert.Equal(known, StudyCalendar.FindZone(id) is not null);
}
