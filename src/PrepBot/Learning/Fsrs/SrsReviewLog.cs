namespace PrepBot.Learning.Fsrs;

/// <summary>One graded review of a card, as the optimizer and the evaluator read it.</summary>
/// <param name="At">When the grade was given.</param>
/// <param name="Rating">The grade, Again to Easy.</param>
/// <param name="ElapsedDays">
/// Whole days since the card's previous review (calendar days, as FSRS counts them): 0 for the card's first review and
/// for a review the same day as the previous one.
/// </param>
public readonly record struct SrsReview(DateTimeOffset At, FsrsRating Rating, int ElapsedDays);

/// <summary>Every review of one card, oldest first.</summary>
public sealed class SrsCardHistory
{
    /// <param name="cardId">Names the card in messages; not otherwise used.</param>
    /// <param name="reviews">Oldest first, elapsed days never negative, the first review's elapsed days 0.</param>
    public SrsCardHistory(string cardId, IReadOnlyList<SrsReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(cardId);
        ArgumentNullException.ThrowIfNull(reviews);
        for (var i = 0; i < reviews.Count; i++)
        {
            var review = reviews[i];
            if (review.Rating is < FsrsRating.Again or > FsrsRating.Easy)
            {
                throw new ArgumentException($"Card {cardId}, review {i + 1}: a rating is Again (1) to Easy (4); got {(int)review.Rating}.", nameof(reviews));
            }

            if (review.ElapsedDays < 0 || (i == 0 && review.ElapsedDays != 0))
            {
                throw new ArgumentException(
                    $"Card {cardId}, review {i + 1}: elapsed days must be 0 for the first review and not negative after; got {review.ElapsedDays}.",
                    nameof(reviews));
            }

            if (i > 0 && review.At < reviews[i - 1].At)
            {
                throw new ArgumentException($"Card {cardId}, review {i + 1}: reviews must be oldest first.", nameof(reviews));
            }
        }

        CardId = cardId;
        Reviews = [.. reviews];
    }

    public string CardId { get; }

    public IReadOnlyList<SrsReview> Reviews { get; }

    /// <summary>
    /// A history from review times alone: put in time order (equal times keep their order) and elapsed days counted
    /// between the days <paramref name="dayOf"/> gives (UTC calendar dates by default, as ts-fsrs counts them).
    /// </summary>
    public static SrsCardHistory FromTimes(
        string cardId, IEnumerable<(DateTimeOffset At, FsrsRating Rating)> reviews, Func<DateTimeOffset, DateOnly>? dayOf = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        dayOf ??= static instant => DateOnly.FromDateTime(instant.UtcDateTime);
        var ordered = reviews.OrderBy(review => review.At).ToList();
        var result = new List<SrsReview>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var elapsed = i == 0 ? 0 : dayOf(ordered[i].At).DayNumber - dayOf(ordered[i - 1].At).DayNumber;
            result.Add(new SrsReview(ordered[i].At, ordered[i].Rating, Math.Max(elapsed, 0)));
        }

        return new SrsCardHistory(cardId, result);
    }

    /// <summary>The number of reviews in all the histories.</summary>
    public static int CountReviews(IEnumerable<SrsCardHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return histories.Sum(history => history.Reviews.Count);
    }
}
