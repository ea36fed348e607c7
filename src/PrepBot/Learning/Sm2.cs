namespace PrepBot.Learning;

/// <summary>One card's SM-2 memory state.</summary>
/// <param name="EasinessFactor">E-Factor, 1.3 or more; new cards start at 2.5.</param>
/// <param name="IntervalDays">Days until the next scheduled review (0 for a card never reviewed).</param>
/// <param name="Repetitions">Successful reviews (grade 3 or better) in a row since the card was new or last lapsed.</param>
public readonly record struct Sm2State(double EasinessFactor, int IntervalDays, int Repetitions)
{
    public const double InitialEasiness = 2.5;
    public const double MinimumEasiness = 1.3;

    public static Sm2State New { get; } = new(InitialEasiness, 0, 0);
}

/// <summary>
/// SM-2 as Piotr Wozniak published it (SuperMemo 2, 1987–1990). Grades are 0–5.
/// <list type="bullet">
/// <item>A successful review (q ≥ 3) updates EF' = EF + (0.1 − (5−q)(0.08 + (5−q)·0.02)), floored at 1.3,
/// then counts a repetition n and sets I(1) = 1, I(2) = 6, I(n) = ⌈I(n−1) · EF'⌉ for n &gt; 2, using the
/// E-Factor just updated (the grade is assessed before the next interval is computed).</item>
/// <item>A failed review (q &lt; 3) restarts the repetitions: n = 0 and the card comes back after I(1) = 1 day.
/// Its E-Factor is left unchanged, as step 5 of the published algorithm says ("start repetitions for the
/// item from the beginning without changing the E-Factor"): the lapse already costs the learner the whole
/// interval, and lowering EF as well would push often-failed cards into ever shorter intervals ("ease hell").</item>
/// </list>
/// EF only ever moves in steps of 0.02, so it is rounded to two decimals to keep binary floating point from drifting.
/// </summary>
public static class Sm2
{
    /// <summary>The lowest grade that counts as remembered.</summary>
    public const int PassingQuality = 3;

    /// <summary>Wozniak's rule: after a session, items graded below this are drilled again the same day.</summary>
    public const int RedrillBelowQuality = 4;

    public static Sm2State Next(Sm2State state, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 5);

        if (quality < PassingQuality)
        {
            return state with { Repetitions = 0, IntervalDays = 1 };
        }

        var easiness = UpdatedEasiness(state.EasinessFactor, quality);
        var repetitions = state.Repetitions + 1;
        var interval = repetitions switch
        {
            1 => 1,
            2 => 6,
            _ => RoundUp(state.IntervalDays * easiness),
        };
        return new Sm2State(easiness, interval, repetitions);
    }

    public static double UpdatedEasiness(double easiness, int quality)
    {
        var miss = 5 - quality;
        var updated = easiness + (0.1 - (miss * (0.08 + (miss * 0.02))));
        return Math.Max(Sm2State.MinimumEasiness, Math.Round(updated, 2, MidpointRounding.AwayFromZero));
    }

    // 6 × 2.5 must give 15, not 16: the product is computed in binary floating point, so allow for noise.
    private static int RoundUp(double days) => (int)Math.Ceiling(days - 1e-9);
}
