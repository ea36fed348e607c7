namespace PrepBot.Learning.Fsrs;

/// <summary>
/// A time-series split of a review log: the most recent part of the reviews (by review time, across all cards) is held
/// out. Training sees each card's reviews before the cut; the held-out reviews are predicted from everything before
/// them, so no prediction uses a review from its own future.
/// </summary>
/// <param name="Cutoff">Reviews at or after this instant are held out.</param>
/// <param name="Training">Each card's reviews before the cut (cards with none left out).</param>
/// <param name="TrainingReviews">How many reviews training sees.</param>
/// <param name="HeldOutReviews">How many reviews are held out.</param>
public sealed record SrsTimeSeriesSplit(DateTimeOffset Cutoff, IReadOnlyList<SrsCardHistory> Training, int TrainingReviews, int HeldOutReviews)
{
    /// <summary>The share of reviews held out by default: the most recent fifth.</summary>
    public const double DefaultHeldOutFraction = 0.2;

    /// <summary>Holds out about <paramref name="heldOutFraction"/> of the reviews, the most recent; reviews at the same instant stay together.</summary>
    public static SrsTimeSeriesSplit Of(IReadOnlyList<SrsCardHistory> histories, double heldOutFraction = DefaultHeldOutFraction)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (!(heldOutFraction > 0 && heldOutFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "The held-out fraction must be between 0 and 1 (exclusive).");
        }

        var times = histories.SelectMany(history => history.Reviews.Select(review => review.At)).ToArray();
        if (times.Length == 0)
        {
            throw new ArgumentException("The review log is empty.", nameof(histories));
        }

        Array.Sort(times);
        var firstHeldOut = Math.Clamp((int)Math.Round(times.Length * (1 - heldOutFraction)), 0, times.Length - 1);
        var cutoff = times[firstHeldOut];
        var training = new List<SrsCardHistory>();
        var trainingReviews = 0;
        foreach (var history in histories)
        {
            var before = history.Reviews.TakeWhile(review => review.At < cutoff).ToList();
            if (before.Count > 0)
            {
                training.Add(before.Count == history.Reviews.Count ? history : new SrsCardHistory(history.CardId, before));
                trainingReviews += before.Count;
            }
        }

        return new SrsTimeSeriesSplit(cutoff, training, trainingReviews, times.Length - trainingReviews);
    }
}
