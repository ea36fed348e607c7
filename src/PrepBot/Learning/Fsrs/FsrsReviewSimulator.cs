namespace PrepBot.Learning.Fsrs;

/// <summary>
/// Generates review logs of simulated learners whose memory follows FSRS-6 with given weights: each card is scheduled by
/// PrepBot's SM-2 (the default scheduler), reviewed on time or a little late, and recalled with the probability the
/// model's retrievability gives; after a lapse the card is often re-drilled the same day. Used to test the optimizer
/// (a log made with known weights) and to make the evaluation log the tests ship. Deterministic for a seed.
/// </summary>
public static class FsrsReviewSimulator
{
    /// <summary>The day the simulated learners start (UTC).</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <param name="weights">The true FSRS-6 weights of the learners' memory.</param>
    /// <param name="cards">Cards to simulate; each starts on a random day in the first three quarters of the span.</param>
    /// <param name="days">Days the log spans.</param>
    /// <param name="seed">Seeds every random choice.</param>
    public static List<SrsCardHistory> Simulate(IReadOnlyList<double> weights, int cards, int days, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cards);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var parameters = new FsrsParameters(weights, enableFuzz: false);
        var random = new Random(seed);
        var histories = new List<SrsCardHistory>(cards);
        for (var card = 0; card < cards; card++)
        {
            var day = random.Next(Math.Max(1, days * 3 / 4));
            var reviews = new List<SrsReview>();
            (double Stability, double Difficulty)? memory = null;
            var sm2 = Sm2State.New;
            var lastDay = day;
            while (day < days)
            {
                var at = Start.AddDays(day).AddMinutes(480 + random.Next(14 * 60));
                var elapsed = memory is null ? 0 : day - lastDay;
                var recalled = memory is not { } known || random.NextDouble() < FsrsModel.Retrievability(parameters, elapsed, known.Stability);
                var rating = memory is null ? FirstRating(random) : recalled ? PassingRating(random) : FsrsRating.Again;
                reviews.Add(new SrsReview(at, rating, elapsed));
                memory = FsrsModel.NextState(parameters, memory, elapsed, rating);
                sm2 = Sm2.Next(sm2, Sm2Recall.QualityOf(rating));
                lastDay = day;
                if (rating == FsrsRating.Again && random.NextDouble() < 0.6)
                {
                    // The same-day re-drill: a few minutes later, usually recalled.
                    var redrill = random.NextDouble() < 0.85 ? FsrsRating.Good : FsrsRating.Again;
                    reviews.Add(new SrsReview(at.AddMinutes(5 + random.Next(30)), redrill, 0));
                    memory = FsrsModel.NextState(parameters, memory, 0, redrill);
                }

                var late = random.NextDouble() < 0.6 ? 0 : 1 + random.Next(Math.Max(1, (sm2.IntervalDays / 2) + 1));
                day += sm2.IntervalDays + late;
            }

            histories.Add(new SrsCardHistory(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seed}-{card + 1}"), reviews));
        }

        return histories;
    }

    private static FsrsRating FirstRating(Random random) => random.NextDouble() switch
    {
        < 0.25 => FsrsRating.Again,
        < 0.35 => FsrsRating.Hard,
        < 0.9 => FsrsRating.Good,
        _ => FsrsRating.Easy,
    };

    private static FsrsRating PassingRating(Random random) => random.NextDouble() switch
    {
        < 0.15 => FsrsRating.Hard,
        < 0.9 => FsrsRating.Good,
        _ => FsrsRating.Easy,
    };
}
