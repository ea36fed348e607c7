using PrepBot.Learning.Fsrs;

namespace PrepBot.Features.Interview;

/// <summary>
/// The predicted recall of a group of cards (a topic, or every card seen) at the interview, with no further reviews: the mean
/// of FSRS's probability of recall of each card at that moment, and how many reviews would bring that mean to 90%.
/// </summary>
/// <param name="Topic">The topic, or null for every card seen.</param>
/// <param name="Cards">Cards in the group (seen, not suspended, still in the deck).</param>
/// <param name="Recall">Mean predicted recall at the interview, 0–1.</param>
/// <param name="ReviewsTo90">See <see cref="RecallForecast.ReviewsToTarget"/>; 0 when the group is at 90% already.</param>
public sealed record GroupRecall(string? Topic, int Cards, double Recall, int ReviewsTo90);

/// <summary>What <c>/stats</c> and <c>/plan</c> say about recall at the interview: overall and the weakest topics.</summary>
public sealed record InterviewForecast(GroupRecall? Overall, IReadOnlyList<GroupRecall> WeakestTopics);

/// <summary>
/// Predicts recall at the interview from each card's FSRS memory. <b>Reviews to 90%</b> is defined as: the fewest Good
/// reviews, each given to the card of the group with the lowest predicted recall at the interview and given as late as the
/// countdown allows — the day before the interview, at the same time of day (or now, when that has passed) — until the
/// group's mean predicted recall at the interview reaches 90%. A card may be chosen more than once (a second review the same
/// day follows FSRS's same-day rule). Pure: the caller supplies memories, parameters and times.
/// </summary>
public static class RecallForecast
{
    /// <summary>The recall a group is brought to by <see cref="ReviewsToTarget"/>.</summary>
    public const double Target = 0.90;

    /// <summary>How many topics <c>/stats</c> and <c>/plan</c> list.</summary>
    public const int WeakestShown = 5;

    /// <param name="memories">Each card's memory, with its topic.</param>
    /// <param name="scheduler">The learner's FSRS scheduler (fuzz off), counting their study days.</param>
    /// <param name="interviewAt">The moment recall is predicted for.</param>
    /// <param name="reviewAt">When the simulated reviews are given (the day before <paramref name="interviewAt"/>, or now).</param>
    public static InterviewForecast Compute(
        IReadOnlyList<(string CardId, string Topic, FsrsMemory Memory)> memories, FsrsScheduler scheduler, DateTimeOffset interviewAt, DateTimeOffset reviewAt)
    {
        ArgumentNullException.ThrowIfNull(memories);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (memories.Count == 0)
        {
            return new InterviewForecast(null, []);
        }

        var overall = Group(null, [.. memories.Select(m => m.Memory)], scheduler, interviewAt, reviewAt);
        var topics = memories
            .GroupBy(m => m.Topic, StringComparer.Ordinal)
            .Select(g => (Topic: g.Key, Memories: g.Select(m => m.Memory).ToList()))
            .Select(g => (g.Topic, g.Memories, Recall: g.Memories.Average(m => scheduler.Retrievability(m, interviewAt))))
            .OrderBy(g => g.Recall)
            .ThenBy(g => g.Topic, StringComparer.Ordinal)
            .Take(WeakestShown)
            .Select(g => Group(g.Topic, g.Memories, scheduler, interviewAt, reviewAt))
            .ToList();
        return new InterviewForecast(overall, topics);
    }

    /// <summary>
    /// The fewest Good reviews at <paramref name="reviewAt"/> that bring the mean recall of <paramref name="memories"/> at
    /// <paramref name="interviewAt"/> to <paramref name="target"/>: each goes to the card lowest at that moment.
    /// </summary>
    public static int ReviewsToTarget(IReadOnlyList<FsrsMemory> memories, FsrsScheduler scheduler, DateTimeOffset interviewAt, DateTimeOffset reviewAt, double target = Target)
    {
        ArgumentNullException.ThrowIfNull(memories);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (memories.Count == 0)
        {
            return 0;
        }

        var cards = memories.ToArray();
        var recall = cards.Select(m => scheduler.Retrievability(m, interviewAt)).ToArray();
        var sum = recall.Sum();
        var reviews = 0;
        var limit = cards.Length * 10;
        while (sum / cards.Length < target && reviews < limit)
        {
            var lowest = 0;
            for (var i = 1; i < recall.Length; i++)
            {
                if (recall[i] < recall[lowest])
                {
                    lowest = i;
                }
            }

            var at = cards[lowest].LastReview > reviewAt ? cards[lowest].LastReview : reviewAt;
            var next = scheduler.Next(cards[lowest], FsrsRating.Good, at).Memory;
            var better = scheduler.Retrievability(next, interviewAt);
            if (better <= recall[lowest])
            {
                break; // no review before the interview helps any more (cannot happen with FSRS-6's bounds; kept as a guard)
            }

            sum += better - recall[lowest];
            cards[lowest] = next;
            recall[lowest] = better;
            reviews++;
        }

        return reviews;
    }

    private static GroupRecall Group(string? topic, List<FsrsMemory> memories, FsrsScheduler scheduler, DateTimeOffset interviewAt, DateTimeOffset reviewAt) =>
        new(
            topic,
            memories.Count,
            memories.Average(m => scheduler.Retrievability(m, interviewAt)),
            ReviewsToTarget(memories, scheduler, interviewAt, reviewAt));
}
