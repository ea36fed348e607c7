using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class FsrsOptimizerTests
{
    /// <summary>A learner unlike the default: forgets along a steeper curve (w20 0.4), starts higher, grows more slowly.</summary>
    private static readonly double[] Truth =
        [0.5, 2.5, 5.0, 15.0, 6.0, 0.6, 2.0, 0.01, 1.4, 0.2, 1.1, 1.8, 0.1, 0.35, 2.0, 0.4, 2.2, 0.5, 0.1, 0.1, 0.4];

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(List<SrsCardHistory> Log, FsrsOptimizationResult Result)> Generated = new(() =>
    {
        var log = FsrsReviewSimulator.Simulate(Truth, cards: 600, days: 365, seed: 7);
        return (log, new FsrsOptimizer().Optimize(log));
    });

    [Fact]
    public void A_log_generated_from_known_weights_is_fitted_and_the_fit_beats_the_defaults_on_the_held_out_reviews()
    {
        var (log, result) = Generated.Value;

        Assert.InRange(SrsCardHistory.CountReviews(log), 4500, 5500);
        Assert.Equal(FsrsOptimizationOutcome.Fitted, result.Outcome);
        Assert.True(result.FittedLogLoss < result.DefaultLogLoss, $"{result.FittedLogLoss} against {result.DefaultLogLoss}");
        Assert.True(result.Improvement > 0.01, $"{result.Improvement}");
        Assert.Contains("better", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fitting_moves_the_weights_towards_the_ones_that_made_the_log()
    {
        var weights = Generated.Value.Result.Weights;

        // Distance in units of each weight's allowed range, so w0–w3 (0–100) do not drown the rest.
        static double Distance(IReadOnlyList<double> w) => Math.Sqrt(w.Select((x, i) =>
            Math.Pow((x - Truth[i]) / (FsrsParameters.WeightBounds[i].Max - FsrsParameters.WeightBounds[i].Min), 2)).Sum());
        Assert.True(Distance(weights) < Distance(FsrsParameters.DefaultWeights), $"{Distance(weights)} against {Distance(FsrsParameters.DefaultWeights)}");
        Assert.True(
            Math.Abs(weights[20] - Truth[20]) < Math.Abs(FsrsParameters.DefaultWeights[20] - Truth[20]),
            $"decay {weights[20]}, truth {Truth[20]}");
        _ = new FsrsParameters(weights); // within every bound
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var log = FsrsReviewSimulator.Simulate(Truth, cards: 80, days: 200, seed: 11);

        Assert.Equal(new FsrsOptimizer().Fit(log), new FsrsOptimizer().Fit(log));
    }

    [Fact]
    public void Fewer_than_400_reviews_are_not_fitted_and_the_message_says_why()
    {
        var log = FsrsReviewSimulator.Simulate(Truth, cards: 30, days: 120, seed: 5);
        var reviews = SrsCardHistory.CountReviews(log);

        var result = new FsrsOptimizer().Optimize(log);

        Assert.InRange(reviews, 1, 399);
        Assert.Equal(FsrsOptimizationOutcome.NotEnoughReviews, result.Outcome);
        Assert.Equal(FsrsParameters.DefaultWeights, result.Weights);
        Assert.Null(result.Improvement);
        Assert.Equal($"Optimizing needs at least 400 reviews; this log has {reviews}, so the default parameters stay.", result.Message);
    }

    [Fact]
    public void When_the_fit_predicts_the_held_out_reviews_worse_than_the_defaults_the_defaults_stay()
    {
        // 100 cards recalled at every review for a month, then all forgotten: fitted to the first part, the weights
        // grow more confident in recall than the defaults, and the defaults predict the held-out lapses better.
        int[] days = [0, 2, 6, 14, 40];
        var log = Enumerable.Range(0, 100).Select(card => new SrsCardHistory(
            $"c{card}",
            [.. days.Select((day, i) => new SrsReview(
                Start.AddDays(day).AddMinutes(card),
                i == days.Length - 1 ? FsrsRating.Again : FsrsRating.Good,
                i == 0 ? 0 : day - days[i - 1]))])).ToList();

        var result = new FsrsOptimizer().Optimize(log);

        Assert.Equal(FsrsOptimizationOutcome.KeptDefaults, result.Outcome);
        Assert.Equal(FsrsParameters.DefaultWeights, result.Weights);
        Assert.True(result.FittedLogLoss > result.DefaultLogLoss, $"{result.FittedLogLoss} against {result.DefaultLogLoss}");
        Assert.Equal(100, result.HeldOutPredictions);
        Assert.Contains("did not beat the defaults", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gradient_equals_central_finite_differences_of_the_loss()
    {
        var log = FsrsReviewSimulator.Simulate(Truth, cards: 40, days: 200, seed: 3);
        var weights = Truth.ToArray();

        var (_, gradient) = FsrsOptimizer.LossAndGradient(log, weights);

        for (var i = 0; i < FsrsParameters.WeightCount; i++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(weights[i]));
            var up = (double[])weights.Clone();
            var down = (double[])weights.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (FsrsOptimizer.LossAndGradient(log, up).Loss - FsrsOptimizer.LossAndGradient(log, down).Loss) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-4 * Math.Max(1, Math.Abs(numeric)), $"w{i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void The_training_loss_equals_the_log_loss_of_the_models_predictions()
    {
        var log = FsrsReviewSimulator.Simulate(Truth, cards: 40, days: 200, seed: 3);

        var (loss, _) = FsrsOptimizer.LossAndGradient(log, Truth);
        var predictions = SrsPredictions.Fsrs(Truth, log);

        Assert.Equal(SrsMetrics.LogLossOf(predictions) * predictions.Count, loss, 1e-4);
    }
}
