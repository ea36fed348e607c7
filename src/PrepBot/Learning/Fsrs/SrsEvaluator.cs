namespace PrepBot.Learning.Fsrs;

/// <summary>How well each model predicted the held-out part of a review log.</summary>
/// <param name="Sm2">SM-2, read as a probability the way srs-benchmark does (<see cref="Sm2Recall"/>).</param>
/// <param name="FsrsDefault">FSRS-6 with the default weights.</param>
/// <param name="FsrsFitted">FSRS-6 with weights fitted on the earlier part; null when the log is too short to fit.</param>
/// <param name="FittedWeights">The weights fitted on the earlier part; null when nothing was fitted.</param>
/// <param name="Split">Where the log was cut.</param>
public sealed record SrsEvaluationReport(
    SrsMetrics Sm2, SrsMetrics FsrsDefault, SrsMetrics? FsrsFitted, IReadOnlyList<double>? FittedWeights, SrsTimeSeriesSplit Split);

/// <summary>
/// Compares SM-2, FSRS-6 with defaults and FSRS-6 fitted on one review log with a time-series split: FSRS-6 is fitted on
/// the earlier reviews (<see cref="FsrsOptimizer.Fit"/>), then all three predict each held-out review from the reviews
/// before it (<see cref="SrsPredictions"/>) and are scored with <see cref="SrsMetrics"/>. Deterministic.
/// </summary>
public static class SrsEvaluator
{
    /// <summary>Evaluates; throws when the held-out part holds no review to predict.</summary>
    public static SrsEvaluationReport Evaluate(IReadOnlyList<SrsCardHistory> histories, FsrsOptimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var optimizer = new FsrsOptimizer(options);
        var split = SrsTimeSeriesSplit.Of(histories, optimizer.Options.HeldOutFraction);
        var fsrsDefault = SrsPredictions.Fsrs(FsrsParameters.DefaultWeights, histories, split.Cutoff);
        if (fsrsDefault.Count == 0)
        {
            throw new ArgumentException(
                $"The most recent {split.HeldOutReviews} reviews include none a day or more after the card's previous review: nothing to evaluate.",
                nameof(histories));
        }

        var sm2 = SrsPredictions.Sm2(histories, split.Cutoff);
        double[]? fitted = null;
        SrsMetrics? fittedMetrics = null;
        if (SrsCardHistory.CountReviews(histories) >= optimizer.Options.MinimumReviews)
        {
            fitted = optimizer.Fit(split.Training);
            fittedMetrics = SrsMetrics.Of(SrsPredictions.Fsrs(fitted, histories, split.Cutoff));
        }

        return new SrsEvaluationReport(SrsMetrics.Of(sm2), SrsMetrics.Of(fsrsDefault), fittedMetrics, fitted, split);
    }
}
