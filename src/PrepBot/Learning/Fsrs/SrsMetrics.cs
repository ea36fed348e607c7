namespace PrepBot.Learning.Fsrs;

/// <summary>
/// One prediction to score: the predicted probability of recall and whether the card was recalled (any grade but
/// Again), with what RMSE (bins) groups by.
/// </summary>
/// <param name="Probability">Predicted probability of recall, 0 to 1.</param>
/// <param name="Recalled">The outcome: true for Hard, Good or Easy.</param>
/// <param name="ElapsedDays">Days since the card's previous review.</param>
/// <param name="ReviewNumber">1-based position of this review in the card's history (the first prediction is review 2).</param>
/// <param name="Lapses">The card's earlier lapses: reviews graded Again a day or more after the previous one.</param>
public readonly record struct SrsPrediction(double Probability, bool Recalled, int ElapsedDays, int ReviewNumber, int Lapses);

/// <summary>Log loss, RMSE (bins) and AUC of a set of predictions, and how many there were.</summary>
public sealed record SrsMetrics(double LogLoss, double RmseBins, double Auc, int Count)
{
    /// <summary>
    /// Clipping applied to probabilities before taking logarithms: scikit-learn's historical <c>log_loss</c> eps
    /// (srs-benchmark scores with scikit-learn), so that a confident wrong prediction costs a lot but not infinity.
    /// </summary>
    public const double Epsilon = 1e-15;

    /// <summary>All three metrics; throws when there are no predictions.</summary>
    public static SrsMetrics Of(IReadOnlyList<SrsPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            throw new ArgumentException("There are no predictions to score.", nameof(predictions));
        }

        return new SrsMetrics(LogLossOf(predictions), RmseBinsOf(predictions), AucOf(predictions), predictions.Count);
    }

    /// <summary>Mean binary cross-entropy: −mean(y·ln p + (1 − y)·ln(1 − p)), p clipped to [ε, 1 − ε].</summary>
    public static double LogLossOf(IReadOnlyList<SrsPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var sum = 0.0;
        foreach (var prediction in predictions)
        {
            var p = Math.Clamp(prediction.Probability, Epsilon, 1 - Epsilon);
            sum -= prediction.Recalled ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / predictions.Count;
    }

    /// <summary>
    /// RMSE (bins) as open-spaced-repetition/srs-benchmark computes it: <c>rmse_matrix</c> in its <c>utils.py</c>, the
    /// current definition, which bins by elapsed days, review number and lapses (<c>rmse_bins_lapse</c>), not by predicted
    /// probability as the older fsrs4anki "The Metric" page describes. Predictions are grouped by three bins, each the power
    /// of a base at or below the value,
    /// <list type="bullet">
    /// <item>elapsed days t: 2.48 · 3.62^⌊log(max(t, 10⁻⁶)) / log 3.62⌋,</item>
    /// <item>review number i: 1.99 · 1.89^⌊log i / log 1.89⌋,</item>
    /// <item>lapses l: 0 when l is 0, otherwise 1.65 · 1.73^⌊log l / log 1.73⌋;</item>
    /// </list>
    /// then RMSE = √(Σ n_b·(ȳ_b − p̄_b)² / Σ n_b) over the groups b, with n_b predictions, mean outcome ȳ_b and mean
    /// prediction p̄_b. Grouping by the floor exponents is the same grouping (the reference rounds the bin values only to
    /// label them).
    /// </summary>
    public static double RmseBinsOf(IReadOnlyList<SrsPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return double.NaN;
        }

        var groups = new Dictionary<(int, int, int), (double Outcomes, double Predicted, int Count)>();
        foreach (var prediction in predictions)
        {
            var key = Bins(prediction);
            var (outcomes, predicted, count) = groups.GetValueOrDefault(key);
            groups[key] = (outcomes + (prediction.Recalled ? 1 : 0), predicted + prediction.Probability, count + 1);
        }

        var weighted = 0.0;
        foreach (var (outcomes, predicted, count) in groups.Values)
        {
            var gap = (outcomes - predicted) / count;
            weighted += count * gap * gap;
        }

        return Math.Sqrt(weighted / predictions.Count);
    }

    /// <summary>
    /// Area under the ROC curve: the probability that a recalled review was given a higher prediction than a forgotten
    /// one, ties counting one half (the Mann–Whitney U statistic with average ranks). NaN when every outcome is the same.
    /// </summary>
    public static double AucOf(IReadOnlyList<SrsPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var sorted = predictions.OrderBy(prediction => prediction.Probability).ToArray();
        long positives = sorted.Count(prediction => prediction.Recalled);
        long negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var positiveRankSum = 0.0;
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start;
            while (end + 1 < sorted.Length && sorted[end + 1].Probability == sorted[start].Probability)
            {
                end++;
            }

            var averageRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (sorted[k].Recalled)
                {
                    positiveRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    internal static (int ElapsedBin, int ReviewBin, int LapseBin) Bins(SrsPrediction prediction) => (
        FloorExponent(Math.Max(prediction.ElapsedDays, 1e-6), 3.62),
        FloorExponent(prediction.ReviewNumber, 1.89),
        prediction.Lapses == 0 ? int.MinValue : FloorExponent(prediction.Lapses, 1.73));

    private static int FloorExponent(double value, double logBase) => (int)Math.Floor(Math.Log(value) / Math.Log(logBase));
}
