using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class FsrsModelTests
{
    private static readonly FsrsParameters Defaults = FsrsParameters.Default;

    [Theory]
    [InlineData(0.5, 0.1542)]
    [InlineData(3.7, 0.1542)]
    [InlineData(40, 0.1542)]
    [InlineData(365, 0.5)]
    [InlineData(12, 0.1)]
    [InlineData(12, 0.8)]
    public void Retrievability_is_ninety_percent_when_the_elapsed_time_equals_the_stability(double stability, double decay)
    {
        Assert.Equal(0.9, FsrsModel.Retrievability(stability, stability, decay), 1e-6);
    }

    [Fact]
    public void Retrievability_is_one_right_after_a_review_and_falls_as_time_passes()
    {
        var times = Enumerable.Range(0, 200).Select(i => i * 2.5).ToArray();

        var recall = times.Select(t => FsrsModel.Retrievability(Defaults, t, 10)).ToArray();

        Assert.Equal(1, recall[0]);
        Assert.All(recall.Zip(recall.Skip(1)), pair => Assert.True(pair.Second < pair.First, $"{pair.Second} after {pair.First}"));
        Assert.InRange(recall[^1], 0, 0.9);
    }

    [Fact]
    public void With_ninety_percent_desired_retention_the_interval_equals_the_stability()
    {
        Assert.Equal(1, Defaults.IntervalModifier, 1e-6);
        Assert.Equal(23, FsrsModel.NextInterval(Defaults, 23.2));
    }

    [Fact]
    public void Lower_desired_retention_gives_longer_intervals_and_higher_gives_shorter()
    {
        var relaxed = FsrsModel.NextInterval(Defaults.WithDesiredRetention(0.8), 20);
        var strict = FsrsModel.NextInterval(Defaults.WithDesiredRetention(0.95), 20);

        Assert.True(relaxed > 20, $"{relaxed}");
        Assert.True(strict < 20, $"{strict}");
    }

    [Fact]
    public void Interval_is_at_least_one_day_and_at_most_the_maximum()
    {
        var capped = new FsrsParameters(FsrsParameters.DefaultWeights, maximumInterval: 60);

        Assert.Equal(1, FsrsModel.NextInterval(Defaults, 0.01));
        Assert.Equal(60, FsrsModel.NextInterval(capped, 500));
    }

    [Theory]
    [InlineData(FsrsRating.Again, 0.212)]
    [InlineData(FsrsRating.Hard, 1.2931)]
    [InlineData(FsrsRating.Good, 2.3065)]
    [InlineData(FsrsRating.Easy, 8.2956)]
    public void A_new_cards_first_stability_is_the_weight_of_its_grade(FsrsRating rating, double expected)
    {
        var (stability, _) = FsrsModel.NextState(Defaults, null, 0, rating);

        Assert.Equal(expected, stability);
    }

    [Fact]
    public void A_new_cards_first_difficulty_falls_with_a_better_grade_and_stays_within_one_to_ten()
    {
        var difficulties = new[] { FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy }
            .Select(r => FsrsModel.NextState(Defaults, null, 0, r).Difficulty).ToArray();

        Assert.Equal(6.4133, difficulties[0]); // D0(Again) = w4
        Assert.Equal(difficulties.OrderDescending(), difficulties);
        Assert.All(difficulties, d => Assert.InRange(d, 1, 10));
    }

    [Fact]
    public void Difficulty_stays_within_one_to_ten_after_many_agains_or_many_easies()
    {
        double hardest = 5, easiest = 5;
        for (var i = 0; i < 200; i++)
        {
            hardest = FsrsModel.NextDifficulty(Defaults, hardest, FsrsRating.Again);
            easiest = FsrsModel.NextDifficulty(Defaults, easiest, FsrsRating.Easy);
        }

        Assert.InRange(hardest, 9, 10);
        Assert.Equal(1, easiest);
    }

    [Fact]
    public void Recall_at_lower_retrievability_raises_stability_more()
    {
        var early = FsrsModel.StabilityAfterRecall(Defaults, 5, 10, 0.95, FsrsRating.Good);
        var late = FsrsModel.StabilityAfterRecall(Defaults, 5, 10, 0.7, FsrsRating.Good);

        Assert.True(late > early && early > 10, $"{early} then {late}");
    }

    [Fact]
    public void Hard_is_penalised_and_easy_rewarded_after_a_recall()
    {
        var hard = FsrsModel.StabilityAfterRecall(Defaults, 5, 10, 0.9, FsrsRating.Hard);
        var good = FsrsModel.StabilityAfterRecall(Defaults, 5, 10, 0.9, FsrsRating.Good);
        var easy = FsrsModel.StabilityAfterRecall(Defaults, 5, 10, 0.9, FsrsRating.Easy);

        Assert.True(hard < good && good < easy, $"{hard} {good} {easy}");
    }

    [Fact]
    public void A_lapse_never_leaves_more_than_a_same_day_again_would()
    {
        var ceiling = 50 / Math.Exp(Defaults.Weights[17] * Defaults.Weights[18]);

        var afterLapse = FsrsModel.StabilityAfterLapse(Defaults, 2, 50, 0.05);

        Assert.True(afterLapse <= ceiling + 1e-8, $"{afterLapse} > {ceiling}");
        Assert.True(afterLapse < 50);
    }

    [Fact]
    public void A_same_day_success_never_lowers_stability_and_a_same_day_again_does()
    {
        foreach (var stability in new[] { 0.2, 2.3, 30, 400 })
        {
            Assert.True(FsrsModel.ShortTermStability(Defaults, stability, FsrsRating.Hard) >= stability);
            Assert.True(FsrsModel.ShortTermStability(Defaults, stability, FsrsRating.Again) < stability);
        }
    }

    [Fact]
    public void Same_day_review_uses_the_short_term_formula()
    {
        var (stability, _) = FsrsModel.NextState(Defaults, (3.0, 5.0), 0, FsrsRating.Good);

        Assert.Equal(FsrsModel.ShortTermStability(Defaults, 3, FsrsRating.Good), stability);
    }

    [Fact]
    public void A_negative_elapsed_time_or_an_unknown_rating_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FsrsModel.NextState(Defaults, (3.0, 5.0), -1, FsrsRating.Good));
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => FsrsModel.NextState(Defaults, (3.0, 5.0), 2, (FsrsRating)0));
        Assert.Contains("got 0", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(8, 5)]
    [InlineData(30, 31)]
    [InlineData(365, 100)]
    [InlineData(4000, 3000)]
    public void Fuzz_stays_in_range_and_the_same_seed_gives_the_same_day(int interval, int elapsedDays)
    {
        var (min, max) = FsrsModel.FuzzRange(interval, elapsedDays, FsrsParameters.DefaultMaximumInterval);

        for (var i = 0; i < 200; i++)
        {
            var seed = $"card-{i}";
            var fuzzed = FsrsModel.Fuzz(interval, elapsedDays, FsrsParameters.DefaultMaximumInterval, seed);
            Assert.InRange(fuzzed, min, max);
            Assert.Equal(fuzzed, FsrsModel.Fuzz(interval, elapsedDays, FsrsParameters.DefaultMaximumInterval, seed));
        }
    }

    [Fact]
    public void Fuzz_range_is_anki_s_a_few_percent_either_side()
    {
        Assert.Equal((2, 4), FsrsModel.FuzzRange(3, 0, 36500));      // 3 ± (1 + 0.15·0.5)
        Assert.Equal((27, 33), FsrsModel.FuzzRange(30, 0, 36500));   // 30 ± (1 + 0.675 + 1.3 + 0.5)
        Assert.Equal((93, 100), FsrsModel.FuzzRange(100, 0, 100));   // 100 ± 6.975, capped at the maximum
        Assert.Equal((11, 14), FsrsModel.FuzzRange(12, 10, 36500));  // 12 ± 2.175, but later than the 10 days already elapsed
    }

    [Fact]
    public void Fuzz_spreads_cards_learned_together_over_several_days()
    {
        var days = Enumerable.Range(0, 100).Select(i => FsrsModel.Fuzz(30, 0, 36500, $"learner-1:card-{i}:2")).ToList();

        Assert.True(days.Distinct().Count() >= 5, string.Join(",", days.Distinct()));
        Assert.InRange(days.Average(), 28.5, 31.5);
    }

    [Fact]
    public void Intervals_shorter_than_three_days_are_not_fuzzed()
    {
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(2, FsrsModel.Fuzz(2, 0, 36500, $"seed-{i}")));
    }
}
