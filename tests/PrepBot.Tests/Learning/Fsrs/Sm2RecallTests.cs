using PrepBot.Learning;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class Sm2RecallTests
{
    [Theory]
    [InlineData(0, 6, 1)]
    [InlineData(6, 6, 0.9)]
    [InlineData(12, 6, 0.81)]
    [InlineData(3, 6, 0.9486832981)] // √0.9
    public void Recall_is_ninety_percent_per_interval_elapsed(double elapsedDays, double intervalDays, double expected)
    {
        Assert.Equal(expected, Sm2Recall.Probability(elapsedDays, intervalDays), 1e-9);
    }

    [Fact]
    public void A_zero_interval_or_negative_elapsed_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sm2Recall.Probability(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sm2Recall.Probability(-1, 6));
    }

    [Fact]
    public void Ratings_map_to_the_qualities_of_prepbots_buttons()
    {
        var qualities = Enum.GetValues<FsrsRating>().Select(Sm2Recall.QualityOf);

        Assert.Equal([ReviewGrade.Again.ToQuality(), ReviewGrade.Hard.ToQuality(), ReviewGrade.Good.ToQuality(), ReviewGrade.Easy.ToQuality()], qualities);
    }

    [Fact]
    public void Sm2_predictions_read_the_interval_sm2_gave_at_the_previous_review()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var card = new SrsCardHistory("c", [
            new SrsReview(start, FsrsRating.Good, 0), // SM-2: 1 day
            new SrsReview(start.AddDays(2), FsrsRating.Good, 2), // 2 days on a 1-day interval; SM-2: 6 days
            new SrsReview(start.AddDays(8), FsrsRating.Again, 6), // on time: 0.9
        ]);

        var predictions = SrsPredictions.Sm2([card]);

        Assert.Equal([0.81, 0.9], predictions.Select(p => Math.Round(p.Probability, 9)));
        Assert.Equal([true, false], predictions.Select(p => p.Recalled));
    }

    [Fact]
    public void Same_day_redrills_do_not_change_the_sm2_schedule_as_in_prepbot()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var card = new SrsCardHistory("c", [
            new SrsReview(start, FsrsRating.Good, 0), // SM-2: 1 day
            new SrsReview(start.AddDays(1), FsrsRating.Hard, 1), // SM-2: 6 days; below Good, so re-drilled today
            new SrsReview(start.AddDays(1).AddHours(1), FsrsRating.Again, 0), // the re-drill: logged, not scheduled
            new SrsReview(start.AddDays(7), FsrsRating.Good, 6), // on time for the 6-day interval: 0.9
        ]);

        var predictions = SrsPredictions.Sm2([card]);

        Assert.Equal([0.9, 0.9], predictions.Select(p => Math.Round(p.Probability, 9)));
    }
}
