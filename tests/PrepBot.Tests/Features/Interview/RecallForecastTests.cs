using PrepBot.Features.Interview;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Features.Interview;

/// <summary>Predicted recall at the interview and the reviews that would bring a group to 90% (pure, FSRS-6 defaults, fuzz off).</summary>
public sealed class RecallForecastTests
{
    private static readonly DateTimeOffset InterviewAt = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayBefore = InterviewAt.AddDays(-1);
    private static readonly FsrsScheduler Scheduler = FsrsScheduler.ForStudyDays(new FsrsParameters(FsrsParameters.DefaultWeights, enableFuzz: false), TimeZoneInfo.Utc);

    /// <summary>A card reviewed <paramref name="daysBefore"/> days before the interview with stability <paramref name="stability"/>.</summary>
    private static FsrsMemory Memory(double stability, int daysBefore) => new(stability, 5, InterviewAt.AddDays(-daysBefore));

    [Fact]
    public void A_group_already_at_90_percent_needs_no_review()
    {
        var strong = new[] { Memory(100, 5), Memory(80, 3) };

        Assert.Equal(0, RecallForecast.ReviewsToTarget(strong, Scheduler, InterviewAt, DayBefore));
    }

    [Fact]
    public void One_review_the_day_before_lifts_a_weak_card_above_90_percent()
    {
        var weak = new[] { Memory(2, 20) };

        Assert.True(Scheduler.Retrievability(weak[0], InterviewAt) < 0.9);
        Assert.Equal(1, RecallForecast.ReviewsToTarget(weak, Scheduler, InterviewAt, DayBefore));
    }

    [Fact]
    public void Reviews_go_to_the_lowest_cards_first_and_stop_once_the_mean_reaches_90_percent()
    {
        // Two strong cards carry the mean once the weakest is reviewed; the middling one is left alone.
        var cards = new[] { Memory(200, 2), Memory(200, 2), Memory(20, 20), Memory(1, 30) };

        var reviews = RecallForecast.ReviewsToTarget(cards, Scheduler, InterviewAt, DayBefore);

        Assert.Equal(1, reviews);
    }

    [Fact]
    public void The_weakest_topics_come_lowest_first_at_most_five_with_the_overall_mean_over_every_card()
    {
        var memories = Enumerable.Range(1, 7)
            .Select(i => ($"card-{i}", $"topic-{i}", Memory(i * 2, 15)))
            .ToList();

        var forecast = RecallForecast.Compute(memories, Scheduler, InterviewAt, DayBefore);

        Assert.Equal(["topic-1", "topic-2", "topic-3", "topic-4", "topic-5"], forecast.WeakestTopics.Select(t => t.Topic));
        Assert.Equal(7, forecast.Overall!.Cards);
        Assert.Equal(memories.Average(m => Scheduler.Retrievability(m.Item3, InterviewAt)), forecast.Overall.Recall, 12);
        Assert.All(forecast.WeakestTopics, t => Assert.Equal(1, t.ReviewsTo90));
    }

    [Fact]
    public void Nothing_seen_means_nothing_to_predict()
    {
        var forecast = RecallForecast.Compute([], Scheduler, InterviewAt, DayBefore);

        Assert.Null(forecast.Overall);
        Assert.Empty(forecast.WeakestTopics);
    }
}
