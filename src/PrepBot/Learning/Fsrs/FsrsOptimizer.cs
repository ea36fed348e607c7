using System.Globalization;

namespace PrepBot.Learning.Fsrs;

/// <summary>What <see cref="FsrsOptimizer.Optimize"/> decided.</summary>
public enum FsrsOptimizationOutcome
{
    /// <summary>The log is too short to fit; the defaults stay.</summary>
    NotEnoughReviews,

    /// <summary>Fitted weights did not predict the held-out reviews better than the defaults; the defaults stay.</summary>
    KeptDefaults,

    /// <summary>Fitted weights predicted the held-out reviews better; use <see cref="FsrsOptimizationResult.Weights"/>.</summary>
    Fitted,
}

/// <summary>The outcome of fitting one learner's weights, with the figures to tell them.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Weights">The weights to use: the fitted ones when <see cref="FsrsOptimizationOutcome.Fitted"/>, else the defaults.</param>
/// <param name="Reviews">Reviews in the log.</param>
/// <param name="TrainingReviews">Reviews the fit saw (the earlier part of the log).</param>
/// <param name="HeldOutPredictions">Held-out reviews the two sets of weights were compared on.</param>
/// <param name="DefaultLogLoss">Log loss of the default weights on the held-out reviews; null when nothing was fitted.</param>
/// <param name="FittedLogLoss">Log loss of the fitted weights on the held-out reviews; null when nothing was fitted.</param>
/// <param name="Message">One sentence for the learner.</param>
public sealed record FsrsOptimizationResult(
    FsrsOptimizationOutcome Outcome,
    IReadOnlyList<double> Weights,
    int Reviews,
    int TrainingReviews,
    int HeldOutPredictions,
    double? DefaultLogLoss,
    double? FittedLogLoss,
    string Message)
{
    /// <summary>(default − fitted) / default: the share of the default log loss the fit removed (negative when worse).</summary>
    public double? Improvement => DefaultLogLoss is { } before && FittedLogLoss is { } after && before > 0 ? (before - after) / before : null;
}

/// <summary>Settings of the fit; the defaults are the reference optimizer's (fsrs-rs / fsrs-optimizer for FSRS-6).</summary>
public sealed record FsrsOptimizerOptions
{
    /// <summary>Fewest reviews a log must hold before fitting is tried.</summary>
    public int MinimumReviews { get; init; } = 400;

    /// <summary>Share of the log, the most recent reviews, held out to judge the fit.</summary>
    public double HeldOutFraction { get; init; } = SrsTimeSeriesSplit.DefaultHeldOutFraction;

    /// <summary>Passes over the training reviews.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Predicted reviews per gradient step (whole cards are kept together, so a batch may be a little larger).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Adam's initial learning rate, decayed to 0 along a cosine over all steps.</summary>
    public double LearningRate { get; init; } = 0.04;

    /// <summary>Weight of the penalty that keeps weights near the defaults, in units of the defaults' spread across users.</summary>
    public double Regularization { get; init; } = 1;

    /// <summary>Seeds the order cards are visited in; the same log and seed always give the same weights.</summary>
    public int Seed { get; init; } = 42;
}

/// <summary>
/// Fits the 21 FSRS-6 weights to one learner's review log the way the reference optimizer does (fsrs-rs, and
/// fsrs-optimizer's <c>Trainer</c>): minimise the log loss of the predicted recall at every review after a card's first
/// that comes a day or more after the previous one (same-day reviews update the memory as the model does and are not
/// predicted), by Adam with a cosine-annealed learning rate over a few epochs of shuffled batches, with the weights
/// clamped into <see cref="FsrsParameters.WeightBounds"/> after every step and an L2 penalty towards the defaults
/// scaled by the spread of fitted weights across users (fsrs-optimizer's <c>DEFAULT_PARAMS_STDDEV_TENSOR</c>, γ = 1,
/// divided by the number of training reviews). Before that, the initial stabilities w0–w3 are set per first grade by a
/// one-dimensional search on the second reviews alone, as fsrs-rs's pre-training does (simplified).
/// <para>
/// Gradients are exact: the model is evaluated on forward-mode dual numbers (<see cref="Dual"/>) carrying all 21
/// partial derivatives, without ts-fsrs's 8-decimal rounding (which only matters for reproducing its intervals).
/// </para>
/// <para>
/// <see cref="Optimize"/> holds out the most recent part of the log (<see cref="SrsTimeSeriesSplit"/>), fits on the rest,
/// and keeps the fitted weights only if their log loss on the held-out reviews is lower than the defaults'. The weights it
/// keeps are those fitted on the earlier part: the ones that were checked. Deterministic: no clock, and the only
/// randomness (card order) is seeded.
/// </para>
/// </summary>
public sealed class FsrsOptimizer(FsrsOptimizerOptions? options = null)
{
    /// <summary>fsrs-optimizer's DEFAULT_PARAMS_STDDEV_TENSOR for FSRS-6: how much each weight varies across users.</summary>
    private static readonly double[] WeightSpread =
    [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
        0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
    ];

    private const int N = FsrsParameters.WeightCount;
    private const double ProbabilityFloor = 1e-7;

    public FsrsOptimizerOptions Options { get; } = options ?? new FsrsOptimizerOptions();

    /// <summary>Fits on the earlier part of the log and keeps the result only if it predicts the held-out part better.</summary>
    public FsrsOptimizationResult Optimize(IReadOnlyList<SrsCardHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var defaults = FsrsParameters.DefaultWeights;
        var reviews = SrsCardHistory.CountReviews(histories);
        if (reviews < Options.MinimumReviews)
        {
            return new FsrsOptimizationResult(
                FsrsOptimizationOutcome.NotEnoughReviews, defaults, reviews, 0, 0, null, null,
                Text($"Optimizing needs at least {Options.MinimumReviews} reviews; this log has {reviews}, so the default parameters stay."));
        }

        var split = SrsTimeSeriesSplit.Of(histories, Options.HeldOutFraction);
        var defaultHeldOut = SrsPredictions.Fsrs(defaults, histories, split.Cutoff);
        if (defaultHeldOut.Count == 0 || split.TrainingReviews == 0)
        {
            return new FsrsOptimizationResult(
                FsrsOptimizationOutcome.KeptDefaults, defaults, reviews, split.TrainingReviews, defaultHeldOut.Count, null, null,
                Text($"The most recent {split.HeldOutReviews} reviews hold nothing to test a fit on (no review a day or more after the one before), so the default parameters stay."));
        }

        var fitted = Fit(split.Training);
        var defaultLoss = SrsMetrics.LogLossOf(defaultHeldOut);
        var fittedLoss = SrsMetrics.LogLossOf(SrsPredictions.Fsrs(fitted, histories, split.Cutoff));
        var better = fittedLoss < defaultLoss;
        var change = (defaultLoss - fittedLoss) / defaultLoss;
        return new FsrsOptimizationResult(
            better ? FsrsOptimizationOutcome.Fitted : FsrsOptimizationOutcome.KeptDefaults,
            better ? fitted : defaults,
            reviews,
            split.TrainingReviews,
            defaultHeldOut.Count,
            defaultLoss,
            fittedLoss,
            better
                ? Text($"Fitted to {split.TrainingReviews} reviews: on the latest {defaultHeldOut.Count} the log loss fell from {defaultLoss:F4} to {fittedLoss:F4} ({change:P1} better).")
                : Text($"The fit did not beat the defaults on the latest {defaultHeldOut.Count} reviews (log loss {fittedLoss:F4} against {defaultLoss:F4}), so the default parameters stay."));
    }

    /// <summary>Fits weights to all of <paramref name="histories"/>, starting from the defaults; no hold-out, no minimum.</summary>
    public double[] Fit(IReadOnlyList<SrsCardHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var initial = FsrsParameters.DefaultWeights.ToArray();
        var cards = histories.Where(history => history.Reviews.Count > 1).ToArray();
        var predictionCounts = cards.Select(CountPredictions).ToArray();
        var total = predictionCounts.Sum();
        if (total == 0)
        {
            return initial;
        }

        var weights = FsrsParameters.ClampWeights(PretrainInitialStability(cards, initial, total));
        var batches = Batches(predictionCounts);
        var totalSteps = Options.Epochs * batches;
        var firstMoment = new double[N];
        var secondMoment = new double[N];
        var gradient = new double[N];
        var order = Enumerable.Range(0, cards.Length).ToArray();
        var random = new Random(Options.Seed);
        var step = 0;
        for (var epoch = 0; epoch < Options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var position = 0;
            while (position < order.Length)
            {
                Array.Clear(gradient);
                var count = 0;
                var w = Weights(weights);
                while (position < order.Length && (count < Options.BatchSize || count == 0))
                {
                    var card = order[position++];
                    AccumulateLoss(cards[card], w, gradient, out var predicted);
                    count += predicted;
                }

                if (count == 0)
                {
                    continue;
                }

                step++;
                var rate = Options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (step - 1) / Math.Max(totalSteps, 1)));
                for (var i = 0; i < N; i++)
                {
                    var spread = WeightSpread[i];
                    var g = (gradient[i] / count) + (Options.Regularization * 2 * (weights[i] - initial[i]) / (spread * spread) / total);
                    firstMoment[i] = (0.9 * firstMoment[i]) + (0.1 * g);
                    secondMoment[i] = (0.999 * secondMoment[i]) + (0.001 * g * g);
                    var corrected = firstMoment[i] / (1 - Math.Pow(0.9, step));
                    var scale = secondMoment[i] / (1 - Math.Pow(0.999, step));
                    weights[i] -= rate * corrected / (Math.Sqrt(scale) + 1e-8);
                }

                weights = FsrsParameters.ClampWeights(weights);
            }
        }

        return weights;
    }

    /// <summary>The summed log loss over the histories' predictions, and its gradient (for tests: checked against finite differences).</summary>
    internal static (double Loss, double[] Gradient) LossAndGradient(IReadOnlyList<SrsCardHistory> histories, IReadOnlyList<double> weights)
    {
        var gradient = new double[N];
        var w = Weights([.. weights]);
        var loss = 0.0;
        foreach (var card in histories)
        {
            loss += AccumulateLoss(card, w, gradient, out _);
        }

        return (loss, gradient);
    }

    /// <summary>Adds one card's log loss gradient to <paramref name="gradient"/>; returns the loss, and how many predictions there were.</summary>
    private static double AccumulateLoss(SrsCardHistory card, Dual[] w, double[] gradient, out int count)
    {
        count = 0;
        var loss = Dual.Constant(0);
        Dual stability = default;
        Dual difficulty = default;
        var decay = w[20];
        var factor = Dual.Exp(Dual.Constant(Math.Log(0.9)) / -decay) - Dual.Constant(1);
        for (var i = 0; i < card.Reviews.Count; i++)
        {
            var review = card.Reviews[i];
            var grade = (int)review.Rating;
            if (i == 0)
            {
                stability = Dual.Max(w[grade - 1], 0.1);
                difficulty = Dual.Clamp(InitialDifficulty(w, grade), FsrsModel.MinimumDifficulty, FsrsModel.MaximumDifficulty);
                continue;
            }

            if (review.ElapsedDays == 0)
            {
                var increase = Dual.Pow(stability, -w[19]) * Dual.Exp(w[17] * (w[18] + (grade - 3)));
                if (grade >= 2)
                {
                    increase = increase.Value >= 1 ? increase : Dual.Constant(1);
                }

                stability = Dual.Clamp(stability * increase, FsrsModel.MinimumStability, FsrsModel.MaximumStability);
            }
            else
            {
                var recall = Dual.Pow((factor * review.ElapsedDays / stability) + 1, -decay);
                var p = Dual.Clamp(recall, ProbabilityFloor, 1 - ProbabilityFloor);
                loss = loss - Dual.Log(review.Rating == FsrsRating.Again ? 1 - p : p);
                count++;
                stability = review.Rating == FsrsRating.Again
                    ? StabilityAfterLapse(w, difficulty, stability, recall)
                    : StabilityAfterRecall(w, difficulty, stability, recall, grade);
            }

            difficulty = NextDifficulty(w, difficulty, grade);
        }

        for (var k = 0; k < N; k++)
        {
            gradient[k] += loss.Gradient[k];
        }

        return loss.Value;
    }

    private static Dual InitialDifficulty(Dual[] w, int grade) => w[4] - Dual.Exp(w[5] * (grade - 1)) + 1;

    private static Dual NextDifficulty(Dual[] w, in Dual difficulty, int grade)
    {
        var delta = w[6] * -(grade - 3);
        var damped = difficulty + (delta * (10 - difficulty) * (1.0 / 9));
        var reverted = (w[7] * InitialDifficulty(w, 4)) + ((1 - w[7]) * damped);
        return Dual.Clamp(reverted, FsrsModel.MinimumDifficulty, FsrsModel.MaximumDifficulty);
    }

    private static Dual StabilityAfterRecall(Dual[] w, in Dual difficulty, in Dual stability, in Dual recall, int grade)
    {
        var growth = Dual.Exp(w[8]) * (11 - difficulty) * Dual.Pow(stability, -w[9]) * (Dual.Exp((1 - recall) * w[10]) - Dual.Constant(1));
        if (grade == 2)
        {
            growth = growth * w[15];
        }
        else if (grade == 4)
        {
            growth = growth * w[16];
        }

        return Dual.Clamp(stability * (growth + 1), FsrsModel.MinimumStability, FsrsModel.MaximumStability);
    }

    private static Dual StabilityAfterLapse(Dual[] w, in Dual difficulty, in Dual stability, in Dual recall)
    {
        var afterForgetting = Dual.Clamp(
            w[11] * Dual.Pow(difficulty, -w[12]) * (Dual.Pow(stability + 1, w[13]) - Dual.Constant(1)) * Dual.Exp((1 - recall) * w[14]),
            FsrsModel.MinimumStability,
            FsrsModel.MaximumStability);
        var ceiling = stability / Dual.Exp(w[17] * w[18]);
        return Dual.Max(Dual.Min(ceiling, afterForgetting), FsrsModel.MinimumStability);
    }

    /// <summary>
    /// For each first grade with enough cards, the initial stability that best predicts the second reviews (those a day or
    /// more after the first), by golden-section search on log S in [0.1, 100] with the same penalty towards the default.
    /// </summary>
    private double[] PretrainInitialStability(SrsCardHistory[] cards, double[] weights, int total)
    {
        var result = (double[])weights.Clone();
        var factor = FsrsModel.DecayFactor(weights[20]);
        for (var grade = 1; grade <= 4; grade++)
        {
            var points = cards
                .Where(card => (int)card.Reviews[0].Rating == grade && card.Reviews[1].ElapsedDays > 0)
                .Select(card => (Days: (double)card.Reviews[1].ElapsedDays, Recalled: card.Reviews[1].Rating != FsrsRating.Again))
                .ToArray();
            if (points.Length < 20)
            {
                continue;
            }

            var initial = weights[grade - 1];
            var spread = WeightSpread[grade - 1];
            double Loss(double logStability)
            {
                var s = Math.Exp(logStability);
                var sum = 0.0;
                foreach (var (days, recalled) in points)
                {
                    var p = Math.Clamp(Math.Pow(1 + (factor * days / s), -weights[20]), ProbabilityFloor, 1 - ProbabilityFloor);
                    sum -= recalled ? Math.Log(p) : Math.Log(1 - p);
                }

                var gap = (s - initial) / spread;
                return (sum / points.Length) + (Options.Regularization * gap * gap / total);
            }

            result[grade - 1] = Math.Exp(GoldenSectionMinimum(Loss, Math.Log(0.1), Math.Log(100)));
        }

        // Keep the initial stabilities in grade order, as fsrs-rs does.
        for (var i = 1; i < 4; i++)
        {
            result[i] = Math.Max(result[i], result[i - 1]);
        }

        return result;
    }

    private static double GoldenSectionMinimum(Func<double, double> f, double low, double high)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = low;
        var b = high;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        var fc = f(c);
        var fd = f(d);
        for (var iteration = 0; iteration < 60; iteration++)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = f(d);
            }
        }

        return (a + b) / 2;
    }

    private int Batches(int[] predictionCounts)
    {
        // The number of steps per epoch depends on the shuffle only by a card or so; estimate it for the cosine schedule.
        var total = predictionCounts.Sum();
        return Math.Max(1, (int)Math.Ceiling(total / (double)Options.BatchSize));
    }

    private static int CountPredictions(SrsCardHistory card) => card.Reviews.Skip(1).Count(review => review.ElapsedDays > 0);

    private static Dual[] Weights(double[] values) => [.. values.Select(Dual.Weight)];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
