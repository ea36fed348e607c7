using PrepBot.Features.Stats;

namespace PrepBot.Tests.Features.Stats;

public sealed class StudyStreakTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static DateOnly[] Days(params int[] daysAgo) => [.. daysAgo.Select(d => Today.AddDays(-d))];

    private static PausedDays Pause(int fromDaysAgo, int toDaysAgo) => new(Today.AddDays(-fromDaysAgo), Today.AddDays(-toDaysAgo));

    [Fact]
    public void Streak_counts_consecutive_days_ending_today()
    {
        Assert.Equal((3, 3), StudyStreak.Compute(Days(0, 1, 2, 5, 6), [], Today));
    }

    [Fact]
    public void Streak_is_still_alive_when_only_today_is_missing_so_far()
    {
        Assert.Equal((2, 2), StudyStreak.Compute(Days(1, 2), [], Today));
    }

    [Fact]
    public void Missing_a_whole_day_breaks_the_streak_but_keeps_the_best()
    {
        Assert.Equal((0, 4), StudyStreak.Compute(Days(2, 3, 4, 5), [], Today));
    }

    [Fact]
    public void Several_gaps_leave_the_longest_run_as_the_best()
    {
        Assert.Equal((2, 3), StudyStreak.Compute(Days(0, 1, 3, 4, 5, 7, 8), [], Today));
    }

    [Fact]
    public void No_reviews_means_no_streak()
    {
        Assert.Equal((0, 0), StudyStreak.Compute([], [], Today));
    }

    [Fact]
    public void Paused_days_freeze_the_streak_instead_of_breaking_it()
    {
        // Studied 6, 5, 4 days ago; away 3 to 1 days ago; studied today.
        var streak = StudyStreak.Compute(Days(0, 4, 5, 6), [Pause(3, 1)], Today);

        Assert.Equal((4, 4), streak);
    }

    [Fact]
    public void Streak_stays_alive_through_a_pause_that_is_still_running()
    {
        Assert.Equal((2, 2), StudyStreak.Compute(Days(3, 4), [Pause(2, -3)], Today));
    }

    [Fact]
    public void Day_just_after_a_pause_that_is_missed_breaks_the_streak()
    {
        Assert.Equal((0, 2), StudyStreak.Compute(Days(5, 6), [Pause(4, 3)], Today));
    }

    [Fact]
    public void Reviews_on_a_paused_day_still_count()
    {
        Assert.Equal((3, 3), StudyStreak.Compute(Days(0, 1, 2), [Pause(1, 1)], Today));
    }

    [Fact]
    public void Day_recorded_in_a_zone_ahead_of_the_present_one_still_counts()
    {
        // Studied "tomorrow" on a calendar ahead of today's zone, then moved back west.
        Assert.Equal((3, 3), StudyStreak.Compute([Today.AddDays(1), Today, Today.AddDays(-1)], [], Today));
    }
}
