using PrepBot.Features.Stats;

namespace PrepBot.Tests.Features;

public sealed class LearnerStatsTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static DateOnly[] Days(params int[] daysAgo) => [.. daysAgo.Select(d => Today.AddDays(-d))];

    [Fact]
    public void Streak_counts_consecutive_days_ending_today()
    {
        var (current, best) = LearnerStats.Streaks(Days(0, 1, 2, 5, 6), Today);

        Assert.Equal((3, 3), (current, best));
    }

    [Fact]
    public void Streak_is_still_alive_when_only_today_is_missing_so_far()
    {
        var (current, _) = LearnerStats.Streaks(Days(1, 2), Today);

        Assert.Equal(2, current);
    }

    [Fact]
    public void Missing_a_whole_day_breaks_the_streak_but_keeps_the_best()
    {
        var (current, best) = LearnerStats.Streaks(Days(2, 3, 4, 5), Today);

        Assert.Equal((0, 4), (current, best));
    }

    [Fact]
    public void Several_reviews_on_one_day_count_as_one_day()
    {
        var (current, best) = LearnerStats.Streaks(Days(0, 0, 0, 1, 1), Today);

        Assert.Equal((2, 2), (current, best));
    }

    [Fact]
    public void No_reviews_means_no_streak()
    {
        Assert.Equal((0, 0), LearnerStats.Streaks([], Today));
    }
}
