namespace PrepBot.Learning.Fsrs;

/// <summary>
/// Replays review histories and predicts each review from the ones before it, as srs-benchmark does: a prediction is
/// made for every review after a card's first that comes a day or more after the previous one (same-day reviews update
/// the memory but are not predicted, as in fsrs-rs and the benchmark). Every review before the one predicted counts
/// towards its memory, including reviews that were held out.
/// </summary>
public static class SrsPredictions
{
    /// <summary>FSRS-6 predictions, with the model exactly as the scheduler computes it.</summary>
    /// <param name="weights">The 21 weights (within <see cref="FsrsParameters.WeightBounds"/>).</param>
    /// <param name="histories">Review histories, each oldest first.</param>
    /// <param name="from">Only reviews at or after this instant are predicted (the held-out part); null for all.</param>
    public static List<SrsPrediction> Fsrs(IReadOnlyList<double> weights, IEnumerable<SrsCardHistory> histories, DateTimeOffset? from = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var parameters = new FsrsParameters(weights, enableFuzz: false);
        var predictions = new List<SrsPrediction>();
        foreach (var history in histories)
        {
            (double Stability, double Difficulty)? state = null;
            var lapses = 0;
            for (var i = 0; i < history.Reviews.Count; i++)
            {
                var review = history.Reviews[i];
                if (state is { } known && review.ElapsedDays > 0 && (from is null || review.At >= from))
                {
                    var probability = FsrsModel.Retrievability(parameters, review.ElapsedDays, known.Stability);
                    predictions.Add(new SrsPrediction(probability, review.Rating != FsrsRating.Again, review.ElapsedDays, i + 1, lapses));
                }

                lapses += LapseCount(i, review);
                state = FsrsModel.NextState(parameters, state, review.ElapsedDays, review.Rating);
            }
        }

        return predictions;
    }

    /// <summary>
    /// SM-2 predictions: each card replayed through PrepBot's <see cref="Sm2"/> as PrepBot schedules it (ratings mapped by
    /// <see cref="Sm2Recall.QualityOf"/>; same-day re-drills left out of the schedule) and the interval read as a
    /// probability with <see cref="Sm2Recall.Probability"/>.
    /// </summary>
    public static List<SrsPrediction> Sm2(IEnumerable<SrsCardHistory> histories, DateTimeOffset? from = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var predictions = new List<SrsPrediction>();
        foreach (var history in histories)
        {
            var state = Sm2State.New;
            var lapses = 0;
            for (var i = 0; i < history.Reviews.Count; i++)
            {
                var review = history.Reviews[i];
                if (i > 0 && review.ElapsedDays > 0 && (from is null || review.At >= from))
                {
                    var probability = Sm2Recall.Probability(review.ElapsedDays, state.IntervalDays);
                    predictions.Add(new SrsPrediction(probability, review.Rating != FsrsRating.Again, review.ElapsedDays, i + 1, lapses));
                }

                lapses += LapseCount(i, review);

                // PrepBot's re-drills (a card graded below Good, asked again the same study day) are logged but do not
                // change the SM-2 schedule: replay only the grades it counts.
                if (i == 0 || review.ElapsedDays > 0)
                {
                    state = PrepBot.Learning.Sm2.Next(state, Sm2Recall.QualityOf(review.Rating));
                }
            }
        }

        return predictions;
    }

    // srs-benchmark counts a lapse for an Again whose elapsed time is not 0 (so neither the first review nor a same-day one).
    private static int LapseCount(int index, SrsReview review) =>
        index > 0 && review.ElapsedDays > 0 && review.Rating == FsrsRating.Again ? 1 : 0;
}
