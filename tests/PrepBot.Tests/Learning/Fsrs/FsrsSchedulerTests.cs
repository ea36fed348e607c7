using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);
    private static readonly FsrsScheduler Unfuzzed = new(FsrsParameters.Default.WithFuzz(false));

    private static readonly (DateTimeOffset At, FsrsRating Rating)[] History =
    [
        (Start, FsrsRating.Good),
        (Start.AddMinutes(12), FsrsRating.Again),
        (Start.AddDays(1), FsrsRating.Good),
        (Start.AddDays(4).AddHours(3), FsrsRating.Hard),
        (Start.AddDays(15), FsrsRating.Good),
        (Start.AddDays(90), FsrsRating.Again),
        (Start.AddDays(91), FsrsRating.Easy),
        (Start.AddDays(400), FsrsRating.Good),
    ];

    [Fact]
    public void The_first_review_sets_the_initial_stability_and_schedules_that_many_days()
    {
        var review = Unfuzzed.Next(null, FsrsRating.Easy, Start);

        Assert.Equal(8.2956, review.Memory.Stability);
        Assert.Equal(Start, review.Memory.LastReview);
        Assert.Equal(8, review.IntervalDays);
        Assert.Equal(Start.AddDays(8), review.Due);
    }

    [Fact]
    public void Replay_gives_the_same_memory_as_grading_step_by_step()
    {
        FsrsMemory? stepByStep = null;
        foreach (var (at, rating) in History)
        {
            stepByStep = Unfuzzed.Next(stepByStep, rating, at).Memory;
        }

        var replayed = Unfuzzed.Replay(History);

        Assert.Equal(stepByStep, replayed);
    }

    [Fact]
    public void Replay_puts_the_reviews_in_time_order()
    {
        var shuffled = History.Reverse().ToArray();

        Assert.Equal(Unfuzzed.Replay(History), Unfuzzed.Replay(shuffled));
    }

    [Fact]
    public void Replay_of_no_reviews_is_no_memory()
    {
        Assert.Null(Unfuzzed.Replay([]));
    }

    [Fact]
    public void Replay_ignores_fuzz_so_it_needs_no_seed()
    {
        var fuzzed = new FsrsScheduler(FsrsParameters.Default);

        Assert.Equal(Unfuzzed.Replay(History), fuzzed.Replay(History));
    }

    [Fact]
    public void Retrievability_is_one_at_the_review_and_ninety_percent_one_stability_later()
    {
        var memory = Unfuzzed.Replay(History)!;

        Assert.Equal(1, Unfuzzed.Retrievability(memory, memory.LastReview));
        Assert.Equal(0.9, Unfuzzed.Retrievability(memory, memory.LastReview.AddDays(memory.Stability)), 1e-6);
    }

    [Fact]
    public void Retrievability_falls_day_after_day()
    {
        var memory = Unfuzzed.Next(null, FsrsRating.Good, Start).Memory;

        var recall = Enumerable.Range(0, 60).Select(d => Unfuzzed.Retrievability(memory, Start.AddDays(d))).ToArray();

        Assert.All(recall.Zip(recall.Skip(1)), pair => Assert.True(pair.Second < pair.First));
    }

    [Fact]
    public void A_card_due_on_its_day_is_recalled_with_the_desired_retention()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default.WithFuzz(false).WithDesiredRetention(0.85));
        var review = scheduler.Next(scheduler.Replay(History), FsrsRating.Good, Start.AddDays(500));

        var recallWhenDue = scheduler.Retrievability(review.Memory, review.Due);

        Assert.Equal(0.85, recallWhenDue, 0.01); // the interval is rounded to whole days
    }

    [Fact]
    public void A_reviewed_cards_intervals_keep_hard_below_good_below_easy()
    {
        var memory = Unfuzzed.Replay(History.Take(5));
        var at = Start.AddDays(40);

        var intervals = new[] { FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy }
            .Select(r => Unfuzzed.Next(memory, r, at).IntervalDays).ToArray();

        Assert.True(intervals[0] <= intervals[1] && intervals[1] < intervals[2], string.Join(",", intervals));
    }

    [Fact]
    public void A_review_later_the_same_day_uses_the_same_day_formula()
    {
        var first = Unfuzzed.Next(null, FsrsRating.Good, Start);

        var again = Unfuzzed.Next(first.Memory, FsrsRating.Again, Start.AddHours(2));

        Assert.Equal(FsrsModel.ShortTermStability(Unfuzzed.Parameters, first.Memory.Stability, FsrsRating.Again), again.Memory.Stability);
    }

    [Fact]
    public void Study_days_decide_what_counts_as_the_same_day()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var studyDays = FsrsScheduler.ForStudyDays(Unfuzzed.Parameters, berlin);
        var evening = new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.FromHours(1));
        var afterMidnight = evening.AddHours(3); // 01:00 local, UTC date also the next day: a new day for UTC, not for the learner
        var first = studyDays.Next(null, FsrsRating.Good, evening).Memory;

        var sameStudyDay = studyDays.Next(first, FsrsRating.Good, afterMidnight).Memory;
        var nextUtcDay = Unfuzzed.Next(first, FsrsRating.Good, afterMidnight).Memory;

        Assert.Equal(FsrsModel.ShortTermStability(Unfuzzed.Parameters, first.Stability, FsrsRating.Good), sameStudyDay.Stability);
        Assert.NotEqual(sameStudyDay.Stability, nextUtcDay.Stability);
    }

    [Fact]
    public void A_review_on_a_day_before_the_last_one_is_refused()
    {
        var memory = Unfuzzed.Next(null, FsrsRating.Good, Start).Memory;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Unfuzzed.Next(memory, FsrsRating.Good, Start.AddDays(-2)));

        Assert.Equal("reviewTime", error.ParamName);
    }

    [Fact]
    public void With_fuzz_on_a_seed_is_required()
    {
        var fuzzed = new FsrsScheduler(FsrsParameters.Default);

        var error = Assert.Throws<ArgumentNullException>(() => fuzzed.Next(null, FsrsRating.Good, Start));

        Assert.Equal("fuzzSeed", error.ParamName);
    }

    [Fact]
    public void The_same_seed_gives_the_same_due_date_every_time()
    {
        var fuzzed = new FsrsScheduler(FsrsParameters.Default);
        var memory = fuzzed.Replay(History.Take(5));
        var seed = FsrsScheduler.FuzzSeed(7, "sql-window-functions", 6);

        var first = fuzzed.Next(memory, FsrsRating.Good, Start.AddDays(40), seed);
        var second = fuzzed.Next(memory, FsrsRating.Good, Start.AddDays(40), seed);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Cards_learned_together_do_not_all_fall_due_together()
    {
        var fuzzed = new FsrsScheduler(FsrsParameters.Default);
        var memory = fuzzed.Replay(History.Take(5));
        var unfuzzed = Unfuzzed.Next(memory, FsrsRating.Good, Start.AddDays(40)).IntervalDays;

        var dueDays = Enumerable.Range(0, 50)
            .Select(card => fuzzed.Next(memory, FsrsRating.Good, Start.AddDays(40), FsrsScheduler.FuzzSeed(7, $"card-{card}", 6)).IntervalDays)
            .ToList();

        Assert.True(dueDays.Distinct().Count() >= 3, string.Join(",", dueDays));
        var (min, max) = FsrsModel.FuzzRange(unfuzzed, 25, FsrsParameters.DefaultMaximumInterval);
        Assert.All(dueDays, d => Assert.InRange(d, min, max));
    }

    [Fact]
    public void Fuzz_seed_names_learner_card_and_review_count()
    {
        Assert.Equal("7:sql-joins:3", FsrsScheduler.FuzzSeed(7, "sql-joins", 3));
    }
}
