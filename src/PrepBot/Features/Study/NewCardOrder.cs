using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrepBot.Content;

namespace PrepBot.Features.Study;

/// <summary>
/// The order a learner meets the new cards of one week of the plan: the week's topics in the order <c>plan.md</c> lists
/// them, easy before hard within a topic, then kinds interleaved so that no more than <see cref="MaxRun"/> cards of one
/// kind come in a row while another kind is left. The week's most common kind leads each (topic, difficulty) group, so a
/// SQL week opens with SQL. Cards that tie on all of that are ordered by a hash of the learner and the card: the sequence
/// is fixed for one learner (it survives restarts and is stored nowhere) but differs from learner to learner, so a server's
/// members do not all walk the same path. A pure function of its inputs.
/// </summary>
public static class NewCardOrder
{
    /// <summary>The longest run of one kind while a card of another kind is still to come.</summary>
    public const int MaxRun = 2;

    /// <summary>
    /// The cards of one week in the order they are served. The whole week is ordered (seen cards too) and the caller serves
    /// the first card not yet seen, so the interleaving holds across calls without remembering what came before.
    /// </summary>
    /// <param name="cards">The week's cards (retired ones left out by the caller).</param>
    /// <param name="week">The week as the plan lists it, or null without a plan: topics then go by id.</param>
    /// <param name="learnerId">Whose order it is.</param>
    public static IReadOnlyList<Card> ForWeek(IEnumerable<Card> cards, PlanWeek? week, long learnerId)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var list = cards.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var lead = LeadKind(list);
        var topicRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in week?.Topics ?? [])
        {
            topicRank.TryAdd(topic.Id, topicRank.Count);
        }

        var ranked = list
            .OrderBy(card => topicRank.TryGetValue(card.Topic, out var rank) ? rank : int.MaxValue)
            .ThenBy(card => card.Topic, StringComparer.Ordinal)
            .ThenBy(card => card.Difficulty)
            .ThenBy(card => card.Kind == lead ? 0 : 1)
            .ThenBy(card => Tiebreak(learnerId, card.Id))
            .ThenBy(card => card.Id, StringComparer.Ordinal)
            .ToList();
        return Interleave(ranked);
    }

    /// <summary>Cards of one topic (e.g. the weakest topic of earlier weeks): earliest week, easy before hard, then the learner's own order.</summary>
    public static IReadOnlyList<Card> WithinTopic(IEnumerable<Card> cards, long learnerId)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return [.. cards
            .OrderBy(card => card.Week)
            .ThenBy(card => card.Difficulty)
            .ThenBy(card => Tiebreak(learnerId, card.Id))
            .ThenBy(card => card.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Keeps <paramref name="ranked"/>'s order except where <see cref="MaxRun"/> cards of one kind have just come: then the
    /// first later card of another kind moves up (none left: the run goes on).
    /// </summary>
    internal static IReadOnlyList<Card> Interleave(IReadOnlyList<Card> ranked)
    {
        var remaining = ranked.ToList();
        var result = new List<Card>(remaining.Count);
        while (remaining.Count > 0)
        {
            var pick = 0;
            if (result.Count >= MaxRun && result.TakeLast(MaxRun).All(card => card.Kind == result[^1].Kind))
            {
                var kind = result[^1].Kind;
                var other = remaining.FindIndex(card => card.Kind != kind);
                pick = other < 0 ? 0 : other;
            }

            result.Add(remaining[pick]);
            remaining.RemoveAt(pick);
        }

        return result;
    }

    /// <summary>The kind most of the week's cards have (ties: the first kind in <see cref="CardKind"/>'s order, SQL first).</summary>
    private static CardKind LeadKind(IEnumerable<Card> cards) =>
        cards.GroupBy(card => card.Kind).OrderByDescending(group => group.Count()).ThenBy(group => group.Key).First().Key;

    private static ulong Tiebreak(long learnerId, string cardId) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"new:{learnerId}:{cardId}"))), 0);
}
