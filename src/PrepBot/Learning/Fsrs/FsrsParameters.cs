using System.Globalization;

namespace PrepBot.Learning.Fsrs;

/// <summary>
/// Everything FSRS-6 needs to schedule one learner: the 21 model weights w0..w20, the desired retention
/// (the probability of recall at which a card falls due), the longest interval, and whether intervals are fuzzed.
/// Construction validates every value and names the one that is wrong; an instance is always usable.
/// </summary>
public sealed class FsrsParameters
{
    public const int WeightCount = 21;
    public const double MinimumDesiredRetention = 0.70;
    public const double MaximumDesiredRetention = 0.97;
    public const double DefaultDesiredRetention = 0.90;

    /// <summary>100 years, ts-fsrs's default and upper bound for stability.</summary>
    public const int DefaultMaximumInterval = 36500;

    /// <summary>
    /// The published FSRS-6 default weights, fitted on the srs-benchmark collections: <c>default_w</c> in
    /// ts-fsrs 5.4.2 ("v5.4.2 using FSRS-6.0"), the version the test vectors are generated from.
    /// w0–w3 initial stability per grade, w4–w7 difficulty, w8–w10 recall stability, w11–w14 lapse stability,
    /// w15 hard penalty, w16 easy bonus, w17–w19 same-day stability, w20 the decay of the forgetting curve.
    /// </summary>
    public static IReadOnlyList<double> DefaultWeights { get; } = Array.AsReadOnly(new[]
    {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    });

    /// <summary>
    /// The range each weight must lie in: ts-fsrs 5.4.2's <c>CLAMP_PARAMETERS</c> with same-day reviews on and no
    /// relearning steps. ts-fsrs clamps silently; PrepBot refuses weights outside these ranges (an optimizer should
    /// clamp to them with <see cref="ClampWeights"/>).
    /// </summary>
    public static IReadOnlyList<(double Min, double Max)> WeightBounds { get; } = Array.AsReadOnly(new[]
    {
        (0.001, 100.0), (0.001, 100.0), (0.001, 100.0), (0.001, 100.0),
        (1.0, 10.0), (0.001, 4.0), (0.001, 4.0), (0.001, 0.75),
        (0.0, 4.5), (0.0, 0.8), (0.001, 3.5),
        (0.001, 5.0), (0.001, 0.25), (0.001, 0.9), (0.0, 4.0),
        (0.0, 1.0), (1.0, 6.0),
        (0.0, 2.0), (0.0, 2.0), (0.01, 0.8),
        (0.1, 0.8),
    });

    /// <summary>Default weights, 90% desired retention, 100-year maximum, fuzz on.</summary>
    public static FsrsParameters Default { get; } = new(DefaultWeights);

    private readonly double[] _weights;

    /// <param name="weights">w0..w20, each within <see cref="WeightBounds"/>.</param>
    /// <param name="desiredRetention">0.70 to 0.97.</param>
    /// <param name="maximumInterval">Longest interval in days, 1 to 36500.</param>
    /// <param name="enableFuzz">Spread intervals of 3 days or more by a few percent (as Anki does).</param>
    public FsrsParameters(
        IReadOnlyList<double> weights,
        double desiredRetention = DefaultDesiredRetention,
        int maximumInterval = DefaultMaximumInterval,
        bool enableFuzz = true)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != WeightCount)
        {
            throw new ArgumentException(
                $"FSRS-6 needs {WeightCount} weights (w0..w20); got {weights.Count}.", nameof(weights));
        }

        for (var i = 0; i < WeightCount; i++)
        {
            var (min, max) = WeightBounds[i];
            var value = weights[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights), value, $"FSRS weight w{i} must be a finite number; got {Show(value)}.");
            }

            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weights), value, $"FSRS weight w{i} must be between {Show(min)} and {Show(max)}; got {Show(value)}.");
            }
        }

        if (!(desiredRetention >= MinimumDesiredRetention && desiredRetention <= MaximumDesiredRetention))
        {
            throw new ArgumentOutOfRangeException(
                nameof(desiredRetention),
                desiredRetention,
                $"Desired retention must be between {Show(MinimumDesiredRetention)} and {Show(MaximumDesiredRetention)}; got {Show(desiredRetention)}.");
        }

        if (maximumInterval is < 1 or > DefaultMaximumInterval)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maximumInterval),
                maximumInterval,
                $"Maximum interval must be between 1 and {DefaultMaximumInterval} days; got {maximumInterval}.");
        }

        _weights = [.. weights];
        Weights = Array.AsReadOnly(_weights);
        DesiredRetention = desiredRetention;
        MaximumInterval = maximumInterval;
        EnableFuzz = enableFuzz;
        DecayFactor = FsrsModel.DecayFactor(Decay);
        IntervalModifier = FsrsModel.IntervalModifier(desiredRetention, Decay);
    }

    /// <summary>w0..w20.</summary>
    public IReadOnlyList<double> Weights { get; }

    public double DesiredRetention { get; }

    public int MaximumInterval { get; }

    public bool EnableFuzz { get; }

    /// <summary>w20, the trainable decay of the forgetting curve.</summary>
    public double Decay => _weights[20];

    /// <summary>0.9^(−1/decay) − 1, so that R(S, S) = 0.9.</summary>
    public double DecayFactor { get; }

    /// <summary>Interval ÷ stability at which recall has fallen to the desired retention.</summary>
    public double IntervalModifier { get; }

    /// <summary>These parameters with another desired retention (validated the same way).</summary>
    public FsrsParameters WithDesiredRetention(double desiredRetention) =>
        new(_weights, desiredRetention, MaximumInterval, EnableFuzz);

    /// <summary>These parameters with fuzz switched on or off.</summary>
    public FsrsParameters WithFuzz(bool enableFuzz) => new(_weights, DesiredRetention, MaximumInterval, enableFuzz);

    /// <summary>Weights moved into <see cref="WeightBounds"/>, NaN counting as 0 (what ts-fsrs does to every weight it is given).</summary>
    public static double[] ClampWeights(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != WeightCount)
        {
            throw new ArgumentException(
                $"FSRS-6 needs {WeightCount} weights (w0..w20); got {weights.Count}.", nameof(weights));
        }

        return [.. weights.Select((w, i) => Math.Clamp(double.IsNaN(w) ? 0 : w, WeightBounds[i].Min, WeightBounds[i].Max))];
    }

    internal double W(int index) => _weights[index];

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
