namespace PrepBot.Learning.Fsrs;

/// <summary>
/// SM-2 as a probability of recall, the way open-spaced-repetition/srs-benchmark scores SM-2 (models/sm_2.py,
/// <c>SM2.forgetting_curve</c>: <c>0.9 ** (t / s)</c> with s the SM-2 interval): the interval is taken as the time at
/// which recall has fallen to 90%, so R = 0.9^(t / I). SM-2 itself predicts nothing; this is the benchmark's reading.
/// </summary>
public static class Sm2Recall
{
    /// <summary>0.9^(t / I): 1 at t = 0, 0.9 when the card is exactly due, lower when overdue.</summary>
    /// <param name="elapsedDays">Days since the last review, 0 or more.</param>
    /// <param name="intervalDays">The interval SM-2 gave at the last review, more than 0.</param>
    public static double Probability(double elapsedDays, double intervalDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elapsedDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalDays);
        return Math.Pow(0.9, elapsedDays / intervalDays);
    }

    /// <summary>
    /// The SM-2 quality PrepBot records for an FSRS rating (its four buttons: Again 1, Hard 3, Good 4, Easy 5), so a
    /// history graded in FSRS ratings replays through <see cref="Sm2"/> as the bot would have scheduled it.
    /// </summary>
    public static int QualityOf(FsrsRating rating) => rating switch
    {
        FsrsRating.Again => 1,
        FsrsRating.Hard => 3,
        FsrsRating.Good => 4,
        FsrsRating.Easy => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, $"An FSRS rating is Again (1) to Easy (4); got {(int)rating}."),
    };
}
