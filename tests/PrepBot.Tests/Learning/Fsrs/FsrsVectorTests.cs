using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

/// <summary>PrepBot's FSRS-6 against the reference implementation, ts-fsrs, through the committed vectors.</summary>
public sealed class FsrsVectorTests
{
    private const double Tolerance = 1e-4;

    private static readonly FsrsRating[] AllRatings = [FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy];

    public static TheoryData<string> PlainHistories => [.. FsrsVectors.Load.Histories.Select(h => h.Id)];

    public static TheoryData<string> FuzzedHistories => [.. FsrsVectors.Load.FuzzHistories.Select(h => h.Id)];

    [Fact]
    public void Vectors_come_from_ts_fsrs_5_with_enough_cases()
    {
        var vectors = FsrsVectors.Load;

        Assert.StartsWith("v5.", vectors.Reference, StringComparison.Ordinal);
        Assert.Contains("FSRS-6", vectors.Reference, StringComparison.Ordinal);
        Assert.True(vectors.AllHistories.Sum(h => h.Steps.Count) >= 1000);
        Assert.True(vectors.Fuzz.Count >= 100);
    }

    [Theory]
    [MemberData(nameof(PlainHistories))]
    public void Every_grade_of_every_review_gives_the_reference_state_and_interval(string historyId) =>
        AssertHistoryMatches(historyId);

    [Theory]
    [MemberData(nameof(FuzzedHistories))]
    public void Fuzzed_reviews_give_the_reference_intervals_for_the_same_seed(string historyId) =>
        AssertHistoryMatches(historyId);

    [Theory]
    [MemberData(nameof(PlainHistories))]
    public void Retrievability_matches_the_reference_before_each_review_and_at_probe_times(string historyId)
    {
        var vectors = FsrsVectors.Load;
        var history = vectors.Find(historyId);
        var scheduler = new FsrsScheduler(vectors.ParametersOf(history));
        FsrsMemory? memory = null;

        foreach (var step in history.Steps)
        {
            if (memory is not null)
            {
                Assert.Equal(step.RetrievabilityBefore!.Value, FsrsModel.Retrievability(scheduler.Parameters, step.ElapsedDays, memory.Stability), Tolerance);
            }

            memory = scheduler.Next(memory, step.Rating, step.At, step.FuzzSeed).Memory;
            foreach (var probe in step.Probes)
            {
                Assert.Equal(probe.Retrievability, scheduler.Retrievability(memory, probe.At), Tolerance);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PlainHistories))]
    public void Replaying_a_history_gives_the_reference_final_state(string historyId)
    {
        var vectors = FsrsVectors.Load;
        var history = vectors.Find(historyId);
        var scheduler = new FsrsScheduler(vectors.ParametersOf(history));
        var last = history.Steps[^1];

        var memory = scheduler.Replay(history.Steps.Select(s => (s.At, s.Rating)));

        Assert.NotNull(memory);
        Assert.Equal(last.Outcomes[last.Rating].Stability, memory.Stability, Tolerance);
        Assert.Equal(last.Outcomes[last.Rating].Difficulty, memory.Difficulty, Tolerance);
        Assert.Equal(last.At, memory.LastReview);
    }

    [Fact]
    public void Fuzz_picks_the_reference_day_in_the_reference_range_for_each_seed()
    {
        foreach (var fuzz in FsrsVectors.Load.Fuzz)
        {
            Assert.Equal((fuzz.Min, fuzz.Max), FsrsModel.FuzzRange(fuzz.Interval, fuzz.ElapsedDays, fuzz.MaximumInterval));
            Assert.Equal(fuzz.Fuzzed, FsrsModel.Fuzz(fuzz.Interval, fuzz.ElapsedDays, fuzz.MaximumInterval, fuzz.Seed));
        }
    }

    [Fact]
    public void Worst_deviation_from_the_reference_is_below_the_tolerance()
    {
        var vectors = FsrsVectors.Load;
        var worst = 0.0;
        foreach (var history in vectors.AllHistories)
        {
            var scheduler = new FsrsScheduler(vectors.ParametersOf(history));
            FsrsMemory? memory = null;
            foreach (var step in history.Steps)
            {
                foreach (var rating in AllRatings)
                {
                    var expected = step.Outcomes[rating];
                    var actual = scheduler.Next(memory, rating, step.At, step.FuzzSeed).Memory;
                    worst = Math.Max(worst, Math.Max(Math.Abs(expected.Stability - actual.Stability), Math.Abs(expected.Difficulty - actual.Difficulty)));
                }

                memory = scheduler.Next(memory, step.Rating, step.At, step.FuzzSeed).Memory;
                worst = step.Probes.Aggregate(worst, (w, p) => Math.Max(w, Math.Abs(p.Retrievability - scheduler.Retrievability(memory, p.At))));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Worst deviation from {vectors.Reference}: {worst:E2}");
        Assert.InRange(worst, 0, Tolerance);
    }

    private static void AssertHistoryMatches(string historyId)
    {
        var vectors = FsrsVectors.Load;
        var history = vectors.Find(historyId);
        var scheduler = new FsrsScheduler(vectors.ParametersOf(history));
        FsrsMemory? memory = null;

        foreach (var (step, index) in history.Steps.Select((s, i) => (s, i)))
        {
            foreach (var rating in AllRatings)
            {
                var expected = step.Outcomes[rating];
                var actual = scheduler.Next(memory, rating, step.At, step.FuzzSeed);
                var where = $"{historyId} review {index + 1} graded {rating}";
                Assert.True(Math.Abs(expected.Stability - actual.Memory.Stability) <= Tolerance, $"{where}: stability {actual.Memory.Stability}, reference {expected.Stability}");
                Assert.True(Math.Abs(expected.Difficulty - actual.Memory.Difficulty) <= Tolerance, $"{where}: difficulty {actual.Memory.Difficulty}, reference {expected.Difficulty}");
                Assert.True(expected.IntervalDays == actual.IntervalDays, $"{where}: interval {actual.IntervalDays}, reference {expected.IntervalDays}");
                Assert.True(expected.Due == actual.Due, $"{where}: due {actual.Due:O}, reference {expected.Due:O}");
            }

            memory = scheduler.Next(memory, step.Rating, step.At, step.FuzzSeed).Memory;
        }
    }
}
