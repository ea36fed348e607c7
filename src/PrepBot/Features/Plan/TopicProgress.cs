using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Plan;

/// <summary>A learner's progress on one topic.</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="CardsSeen">Cards of the topic (in the weeks asked about, not retired) the learner has answered at least once.</param>
/// <param name="CardsTotal">Cards of the topic in those weeks that the deck serves.</param>
/// <param name="Reviews">Grades of the topic's cards in the last 30 study days (same-day re-drills not counted).</param>
/// <param name="Passed">Of those, the grades of 3 (Hard) or better.</param>
public sealed record TopicProgress(string Topic, int CardsSeen, int CardsTotal, int Reviews, int Passed)
{
    /// <summary>Share of <see cref="Reviews"/> passed, or null without reviews.</summary>
    public double? Retention => Reviews == 0 ? null : Passed / (double)Reviews;

    /// <summary>Every card of the topic has been seen (and there is at least one).</summary>
    public bool IsDone => CardsTotal > 0 && CardsSeen == CardsTotal;
}

/// <summary>What one learner has seen and how well they remember it, per topic, at one moment.</summary>
public sealed class LearnerTopics(IReadOnlyList<Card> cards, IReadOnlySet<string> seen, IReadOnlyDictionary<string, (int Reviews, int Passed)> reviewsByTopic)
{
    public IReadOnlySet<string> Seen { get; } = seen;

    /// <summary>Progress on <paramref name="topic"/> counting the served cards of weeks 1 to <paramref name="throughWeek"/>.</summary>
    public TopicProgress Progress(string topic, int throughWeek)
    {
        var total = 0;
        var seenCount = 0;
        foreach (var card in cards)
        {
            if (card.Topic == topic && card.Week <= throughWeek && !card.Retired)
            {
                total++;
                seenCount += Seen.Contains(card.Id) ? 1 : 0;
            }
        }

        var (reviews, passed) = reviewsByTopic.GetValueOrDefault(topic);
        return new TopicProgress(topic, seenCount, total, reviews, passed);
    }
}

/// <summary>Reads a learner's per-topic progress: the cards they have seen and their grades of the last 30 study days.</summary>
public sealed class TopicProgressReader(CardCatalog catalog, ReviewStore reviews, TimeProvider time)
{
    /// <summary>Retention looks back this many study days, as <c>/stats</c> does.</summary>
    public const int RetentionDays = 30;

    public async Task<LearnerTopics> ReadAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var seen = await reviews.GetSeenCardIdsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(learner, seen, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="ReadAsync(LearnerContext, CancellationToken)"/>, with the seen cards already read.</summary>
    public async Task<LearnerTopics> ReadAsync(LearnerContext learner, IReadOnlySet<string> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var today = StudyCalendar.StudyDay(time.GetUtcNow(), learner.Zone);
        var since = StudyCalendar.StartOf(today.AddDays(-(RetentionDays - 1)), learner.Zone);
        var graded = await reviews.GetCardReviewsAsync(learner.Id, since, cancellationToken).ConfigureAwait(false);
        var byTopic = new Dictionary<string, (int Reviews, int Passed)>(StringComparer.Ordinal);
        foreach (var review in graded)
        {
            // A card removed from the deck has no topic any more; its grades drop out of the topic's retention.
            if (review.Kind == ReviewKind.Redrill || catalog.Find(review.CardId) is not { } card)
            {
                continue;
            }

            var (count, passed) = byTopic.GetValueOrDefault(card.Topic);
            byTopic[card.Topic] = (count + 1, passed + (review.Quality >= Sm2.PassingQuality ? 1 : 0));
        }

        return new LearnerTopics(catalog.Cards, seen, byTopic);
    }
}
