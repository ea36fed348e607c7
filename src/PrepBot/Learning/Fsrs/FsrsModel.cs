namespace PrepBot.Learning.Fsrs;

/// <summary>
/// The FSRS-6 formulas, exactly as the reference implementation computes them: ts-fsrs 5.4.2 (FSRS-6.0),
/// <c>FSRSAlgorithm</c> and <c>get_fuzz_range</c>. That includes where it rounds intermediate results to 8 decimals
/// and JavaScript's <c>Math.round</c> (halves go up), so that long review histories give the same states and
/// the same whole-day intervals. Tests check it against vectors generated from the package (tests/PrepBot.Tests/
/// Learning/Fsrs/vectors). S is stability in days (the interval at which recall has fallen to 90%), D difficulty
/// in [1, 10], R retrievability (probability of recall), t days since the last review, G the rating 1–4.
/// </summary>
public static class FsrsModel
{
    /// <summary>Smallest stability (ts-fsrs S_MIN).</summary>
    public const double MinimumStability = 0.001;

    /// <summary>Largest stability (ts-fsrs S_MAX): 100 years.</summary>
    public const double MaximumStability = 36500;

    public const double MinimumDifficulty = 1;
    public const double MaximumDifficulty = 10;

    /// <summary>FACTOR = 0.9^(−1/w20) − 1, chosen so that R(t = S) = 0.9 whatever the decay.</summary>
    public static double DecayFactor(double decay) =>
        RoundTo8(Math.Exp(Math.Pow(-decay, -1) * Math.Log(0.9)) - 1);

    /// <summary>R(t, S) = (1 + FACTOR · t / S)^(−w20): the power forgetting curve with the trainable decay w20.</summary>
    public static double Retrievability(double elapsedDays, double stability, double decay) =>
        RoundTo8(Math.Pow(1 + (DecayFactor(decay) * elapsedDays / stability), -decay));

    /// <inheritdoc cref="Retrievability(double, double, double)"/>
    public static double Retrievability(FsrsParameters parameters, double elapsedDays, double stability)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return RoundTo8(Math.Pow(1 + (parameters.DecayFactor * elapsedDays / stability), -parameters.Decay));
    }

    /// <summary>I / S at which R has fallen to the desired retention r: (r^(−1/w20) − 1) / FACTOR.</summary>
    public static double IntervalModifier(double desiredRetention, double decay) =>
        RoundTo8((Math.Pow(desiredRetention, 1 / -decay) - 1) / DecayFactor(decay));

    /// <summary>S0(G) = w(G−1), at least 0.1.</summary>
    public static double InitialStability(FsrsParameters parameters, FsrsRating rating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Math.Max(parameters.W(Grade(rating) - 1), 0.1);
    }

    /// <summary>D0(G) = w4 − e^(w5·(G−1)) + 1, not clamped (the mean reversion target D0(Easy) may be below 1).</summary>
    public static double InitialDifficulty(FsrsParameters parameters, FsrsRating rating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return RoundTo8(parameters.W(4) - Math.Exp((Grade(rating) - 1) * parameters.W(5)) + 1);
    }

    /// <summary>
    /// ΔD = −w6·(G − 3), damped linearly as D nears 10: D′ = D + ΔD·(10 − D)/9; then mean reversion towards
    /// D0(Easy): D″ = w7·D0(4) + (1 − w7)·D′, clamped to [1, 10].
    /// </summary>
    public static double NextDifficulty(FsrsParameters parameters, double difficulty, FsrsRating rating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var delta = -parameters.W(6) * (Grade(rating) - 3);
        var damped = difficulty + RoundTo8(delta * (10 - difficulty) / 9);
        var w7 = parameters.W(7);
        var reverted = RoundTo8((w7 * InitialDifficulty(parameters, FsrsRating.Easy)) + ((1 - w7) * damped));
        return Clamp(reverted, MinimumDifficulty, MaximumDifficulty);
    }

    /// <summary>
    /// After a successful recall a day or more later:
    /// S′ = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)·w15 (if Hard)·w16 (if Easy)).
    /// </summary>
    public static double StabilityAfterRecall(FsrsParameters parameters, double difficulty, double stability, double retrievability, FsrsRating rating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var hardPenalty = rating == FsrsRating.Hard ? parameters.W(15) : 1;
        var easyBonus = rating == FsrsRating.Easy ? parameters.W(16) : 1;
        var grown = stability * (1 + (Math.Exp(parameters.W(8)) * (11 - difficulty) * Math.Pow(stability, -parameters.W(9))
            * (Math.Exp((1 - retrievability) * parameters.W(10)) - 1) * hardPenalty * easyBonus));
        return RoundTo8(Clamp(grown, MinimumStability, MaximumStability));
    }

    /// <summary>
    /// After a lapse (Again a day or more later): S′f = w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1 − R)), but never more than
    /// S / e^(w17·w18), the stability a same-day Again would leave.
    /// </summary>
    public static double StabilityAfterLapse(FsrsParameters parameters, double difficulty, double stability, double retrievability)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var afterForgetting = RoundTo8(Clamp(
            parameters.W(11) * Math.Pow(difficulty, -parameters.W(12)) * (Math.Pow(stability + 1, parameters.W(13)) - 1)
                * Math.Exp((1 - retrievability) * parameters.W(14)),
            MinimumStability,
            MaximumStability));
        var shortTermCeiling = RoundTo8(stability / Math.Exp(parameters.W(17) * parameters.W(18)));
        return Clamp(shortTermCeiling, MinimumStability, afterForgetting);
    }

    /// <summary>
    /// A review the same day (t = 0): S′ = S·S^(−w19)·e^(w17·(G − 3 + w18)); for Hard, Good and Easy the factor is at least 1
    /// (a same-day success never lowers stability).
    /// </summary>
    public static double ShortTermStability(FsrsParameters parameters, double stability, FsrsRating rating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var increase = Math.Pow(stability, -parameters.W(19)) * Math.Exp(parameters.W(17) * (Grade(rating) - 3 + parameters.W(18)));
        var masked = rating >= FsrsRating.Hard ? Math.Max(increase, 1) : increase;
        return RoundTo8(Clamp(stability * masked, MinimumStability, MaximumStability));
    }

    /// <summary>
    /// The memory state after one review: the initial state for a new card (<paramref name="current"/> null), the
    /// same-day formula when <paramref name="elapsedDays"/> is 0, otherwise the recall or lapse formula with R(t, S).
    /// </summary>
    /// <param name="parameters">The weights to use.</param>
    /// <param name="current">Stability and difficulty before the review; null for a card never reviewed.</param>
    /// <param name="elapsedDays">Whole days since the last review (calendar days, not 24-hour periods); 0 for the same day.</param>
    /// <param name="rating">The grade given.</param>
    public static (double Stability, double Difficulty) NextState(
        FsrsParameters parameters, (double Stability, double Difficulty)? current, int elapsedDays, FsrsRating rating)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(elapsedDays);
        _ = Grade(rating);
        if (current is not { } state)
        {
            return (InitialStability(parameters, rating), Clamp(InitialDifficulty(parameters, rating), MinimumDifficulty, MaximumDifficulty));
        }

        var (stability, difficulty) = state;
        if (!(difficulty >= MinimumDifficulty && difficulty <= MaximumDifficulty))
        {
            throw new ArgumentOutOfRangeException(nameof(current), difficulty, $"FSRS difficulty must be between 1 and 10; got {difficulty}.");
        }

        if (!(stability >= MinimumStability && stability <= MaximumStability))
        {
            throw new ArgumentOutOfRangeException(nameof(current), stability, $"FSRS stability must be between 0.001 and 36500 days; got {stability}.");
        }

        var newStability = elapsedDays == 0
            ? ShortTermStability(parameters, stability, rating)
            : rating == FsrsRating.Again
                ? StabilityAfterLapse(parameters, difficulty, stability, Retrievability(parameters, elapsedDays, stability))
                : StabilityAfterRecall(parameters, difficulty, stability, Retrievability(parameters, elapsedDays, stability), rating);
        return (newStability, NextDifficulty(parameters, difficulty, rating));
    }

    /// <summary>Days until R falls to the desired retention: round(S · modifier), clamped to [1, maximum interval]. No fuzz.</summary>
    public static int NextInterval(FsrsParameters parameters, double stability)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return (int)Math.Min(Math.Max(1, JsRound(stability * parameters.IntervalModifier)), parameters.MaximumInterval);
    }

    /// <summary>
    /// The days an interval may be fuzzed to (ts-fsrs <c>get_fuzz_range</c>, Anki's ranges): ±(1 + 15% of the part
    /// between 2.5 and 7 days + 10% of the part between 7 and 20 + 5% of the part beyond 20), at least 2 days, at most
    /// the maximum interval, and (when the interval is longer than the time since the last review) more than that time.
    /// </summary>
    public static (int Min, int Max) FuzzRange(int interval, int elapsedDays, int maximumInterval)
    {
        double delta = 1;
        delta += 0.15 * Math.Max(Math.Min(interval, 7.0) - 2.5, 0);
        delta += 0.1 * Math.Max(Math.Min(interval, 20.0) - 7, 0);
        delta += 0.05 * Math.Max(interval - 20.0, 0);
        var capped = Math.Min(interval, maximumInterval);
        var min = Math.Max(2, JsRound(capped - delta));
        var max = Math.Min(JsRound(capped + delta), maximumInterval);
        if (capped > elapsedDays)
        {
            min = Math.Max(min, elapsedDays + 1);
        }

        min = Math.Min(min, max);
        return ((int)min, (int)max);
    }

    /// <summary>
    /// The interval moved to a day in its <see cref="FuzzRange"/> chosen by <paramref name="seed"/>: the same seed always
    /// picks the same day, and it is the day ts-fsrs picks for that seed (its Alea generator is reproduced here).
    /// Intervals under 2.5 days are not fuzzed.
    /// </summary>
    public static int Fuzz(int interval, int elapsedDays, int maximumInterval, string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (interval < 2.5)
        {
            return interval;
        }

        var fraction = new Alea(seed).Next();
        var (min, max) = FuzzRange(interval, elapsedDays, maximumInterval);
        return (int)Math.Floor((fraction * (max - min + 1)) + min);
    }

    /// <summary>JavaScript's Math.round: the nearest integer, halves rounded up (towards +∞).</summary>
    internal static double JsRound(double value)
    {
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>ts-fsrs's <c>roundTo(x, 8)</c>.</summary>
    internal static double RoundTo8(double value) => JsRound(value * 100000000) / 100000000;

    /// <summary>ts-fsrs's clamp: min(max(value, min), max), which (unlike Math.Clamp) tolerates min &gt; max.</summary>
    private static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);

    private static int Grade(FsrsRating rating) => rating is >= FsrsRating.Again and <= FsrsRating.Easy
        ? (int)rating
        : throw new ArgumentOutOfRangeException(nameof(rating), rating, $"An FSRS rating is Again (1) to Easy (4); got {(int)rating}.");
}
