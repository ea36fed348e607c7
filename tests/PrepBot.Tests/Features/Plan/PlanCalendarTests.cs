using PrepBot.Features.Plan;

namespace PrepBot.Tests.Features.Plan;

public sealed class PlanCalendarTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(16, 3)]
    public void Week_1_is_the_first_seven_study_days_from_the_start(int dayOfMarch, int week)
    {
        var position = PlanCalendar.Locate(Start, At(2026, 1, 1, 0), Utc, At(2026, 3, dayOfMarch, 12));

        Assert.Equal(week, position.Week);
    }

    [Fact]
    public void A_study_day_ends_at_four_in_the_morning_so_half_past_three_is_still_the_week_before()
    {
        var position = PlanCalendar.Locate(Start, At(2026, 1, 1, 0), Utc, At(2026, 3, 9, 3, 30));

        Assert.Equal(1, position.Week);
    }

    [Fact]
    public void Weeks_count_in_the_learners_time_zone()
    {
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

        // 20:00 UTC on Sunday 8 March is 09:00 on Monday 9 March in Auckland (UTC+13): week 2 there, week 1 in UTC.
        var now = At(2026, 3, 8, 20);

        Assert.Equal(2, PlanCalendar.Locate(Start, At(2026, 1, 1, 0), auckland, now).Week);
        Assert.Equal(1, PlanCalendar.Locate(Start, At(2026, 1, 1, 0), Utc, now).Week);
    }

    [Fact]
    public void Without_a_chosen_start_week_1_begins_on_the_enrolment_day()
    {
        var position = PlanCalendar.Locate(null, At(2026, 3, 2, 18), Utc, At(2026, 3, 10, 12));

        Assert.Equal((Start, true, 2), (position.Start, position.FollowsEnrolment, position.Week));
    }

    [Fact]
    public void After_week_16_the_learner_stays_on_week_16_and_the_plan_is_finished()
    {
        var lastDay = PlanCalendar.Locate(Start, At(2026, 1, 1, 0), Utc, At(2026, 6, 21, 12));
        var dayAfter = PlanCalendar.Locate(Start, At(2026, 1, 1, 0), Utc, At(2026, 6, 22, 12));

        Assert.Equal((16, false), (lastDay.Week, lastDay.Finished));
        Assert.Equal((16, true), (dayAfter.Week, dayAfter.Finished));
    }

    [Fact]
    public void Before_the_start_the_learner_is_on_week_1_and_not_started()
    {
        var position = PlanCalendar.Locate(Start, At(2026, 1, 1, 0), Utc, At(2026, 2, 23, 12));

        Assert.Equal((1, true, 7), (position.Week, position.NotStarted, position.DaysUntilStart));
    }
}
