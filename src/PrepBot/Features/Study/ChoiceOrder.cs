using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrepBot.Content;

namespace PrepBot.Features.Study;

/// <summary>
/// The order in which a multiple-choice card's options are shown. Options are shuffled so that the right one is not
/// always where its author happened to write it, yet the order is a pure function of who sees the card and when: the
/// same learner sees the same order for one version of their card state (on a re-render, after a restart, on a button
/// pressed later), and a daily post shows one order per server and day. Nothing about it is stored.
/// Select options carry the option's place in the card file (<see cref="Value"/>), never the letter it was shown
/// under, so an answer is graded on the option pressed whatever order it was shown in.
/// </summary>
public static class ChoiceOrder
{
    private const string ValuePrefix = "o";

    /// <summary>The order for one learner's card at one card-state version.</summary>
    public static IReadOnlyList<int> ForLearner(long learnerId, string cardId, int version, int count) =>
        Shuffle(string.Create(CultureInfo.InvariantCulture, $"learner:{learnerId}:{cardId}:{version}"), count);

    /// <summary>The order of a server's daily question on its local day.</summary>
    public static IReadOnlyList<int> ForDailyPost(string guildId, DateOnly day, string cardId, int count) =>
        Shuffle(string.Create(CultureInfo.InvariantCulture, $"daily:{guildId}:{day:yyyy-MM-dd}:{cardId}"), count);

    /// <summary>The select value of the option written at <paramref name="index"/> in the card file.</summary>
    public static string Value(int index) => ValuePrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The card-file index a select value names: <c>o{index}</c>, or a single letter from a question sent before options
    /// were shuffled (shown in file order, so A is the first option written). False when it names no option of the card.
    /// </summary>
    public static bool TryParseValue(string value, Card card, out int index)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(card);
        index = -1;
        if (value.Length == 1 && char.IsAsciiLetter(value[0]))
        {
            index = char.ToUpperInvariant(value[0]) - 'A';
        }
        else if (value.StartsWith(ValuePrefix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(ValuePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            index = parsed;
        }

        return index >= 0 && index < card.Choices.Count;
    }

    /// <summary>A permutation of <c>0..count-1</c> drawn from a generator seeded by a hash of <paramref name="key"/> (Fisher–Yates).</summary>
    internal static int[] Shuffle(string key, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = Enumerable.Range(0, count).ToArray();
        var state = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>SplitMix64: a small, well-mixed generator; the same seed gives the same sequence on every platform.</summary>
    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
