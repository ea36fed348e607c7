using System.Text.RegularExpressions;

namespace PrepBot.Features.Star;

/// <summary>Plain-text helpers for STAR analysis: words, sentences, phrases found with where they are, quotes, stems.</summary>
public static partial class StarText
{
    /// <summary>A word as spoken: letters and digits, with inner apostrophes, dashes, and decimal points or commas in numbers.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}$€£]+(?:['\-.,][\p{L}\p{N}]+)*%?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\p{N}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitPattern();

    [GeneratedRegex(@"[*_`#>\[\]()]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownPunctuation();

    /// <summary>Curly apostrophes become straight ones, so "I’d" and "I'd" read the same.</summary>
    public static string Normalise(string? text) => (text ?? string.Empty).Replace('\u2019', '\'').Replace('\u2018', '\'').Trim();

    /// <summary>The words of <paramref name="text"/>, lowercase, with where each starts.</summary>
    public static IReadOnlyList<(string Word, int Index)> Words(string text) =>
        [.. WordPattern().Matches(Normalise(text)).Select(m => (m.Value.ToLowerInvariant(), m.Index))];

    public static int CountWords(string text) => WordPattern().Count(Normalise(text));

    public static bool HasDigit(string text) => DigitPattern().IsMatch(text);

    /// <summary>Where each occurrence of <paramref name="phrase"/> (lowercase, whole words) starts in <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> Find(string text, string phrase)
    {
        var normalised = Normalise(text);
        var hits = new List<int>();
        var start = 0;
        while (start < normalised.Length)
        {
            var index = normalised.IndexOf(phrase, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                break;
            }

            var end = index + phrase.Length;
            if ((index == 0 || !IsWordChar(normalised[index - 1])) && (end == normalised.Length || !IsWordChar(normalised[end])))
            {
                hits.Add(index);
            }

            start = index + 1;
        }

        return hits;
    }

    /// <summary>The sentence of <paramref name="text"/> around <paramref name="index"/>, cut to <see cref="StarRules.QuoteLength"/>, in quotes.</summary>
    public static string Quote(string text, int index)
    {
        var normalised = Normalise(text);
        if (normalised.Length == 0)
        {
            return "\"\"";
        }

        index = Math.Clamp(index, 0, normalised.Length - 1);
        var start = index;
        while (start > 0 && !EndsSentence(normalised, start - 1))
        {
            start--;
        }

        var end = index;
        while (end < normalised.Length && !EndsSentence(normalised, end))
        {
            end++;
        }

        var sentence = normalised[start..Math.Min(end + 1, normalised.Length)].Trim().Replace('\n', ' ');
        if (sentence.Length > StarRules.QuoteLength)
        {
            // Keep the part around the hit when the sentence is long.
            var hit = index - start;
            var from = Math.Clamp(hit - (StarRules.QuoteLength / 3), 0, sentence.Length - StarRules.QuoteLength);
            sentence = (from > 0 ? "…" : string.Empty) + sentence.Substring(from, StarRules.QuoteLength).Trim() + "…";
        }

        return "\"" + sentence + "\"";
    }

    /// <summary>A crude stem: lowercase without a common ending, so "assumptions" and "assumed" meet at "assum".</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var ending in (string[])["ations", "ation", "ings", "ing", "ions", "ion", "edly", "ed", "es", "ly", "s", "e"])
        {
            if (w.EndsWith(ending, StringComparison.Ordinal) && w.Length - ending.Length >= 4)
            {
                return w[..^ending.Length];
            }
        }

        return w;
    }

    /// <summary>Whether any word of <paramref name="words"/> starts with <paramref name="signal"/>'s stem (or, for a phrase, the text holds it).</summary>
    public static bool Mentions(string text, IReadOnlyList<(string Word, int Index)> words, string signal)
    {
        if (signal.Contains(' ', StringComparison.Ordinal))
        {
            return Find(text, signal).Count > 0;
        }

        var stem = signal.Length <= 4 ? signal : Stem(signal);
        return words.Any(w => w.Word.StartsWith(stem, StringComparison.Ordinal));
    }

    /// <summary>
    /// Up to <paramref name="count"/> keywords of a card's "What good looks like": the words of its Action bullet (the whole
    /// section when it has none) that are at least five letters and not in <see cref="StarRules.NotKeywords"/>, most
    /// frequent first, then in order of appearance; one word per stem; no adverbs in -ly.
    /// </summary>
    public static IReadOnlyList<string> Keywords(string markdown, int count)
    {
        var lines = markdown.Split('\n');
        var action = new List<string>();
        var inAction = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.Length == 0)
            {
                inAction = trimmed.StartsWith("- **Action", StringComparison.OrdinalIgnoreCase);
            }

            if (inAction)
            {
                action.Add(line);
            }
        }

        var source = MarkdownPunctuation().Replace(action.Count > 0 ? string.Join('\n', action) : markdown, " ");
        var byStem = new Dictionary<string, (string Word, int Count, int First)>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (word, _) in Words(source))
        {
            position++;
            // Adverbs ("privately", "fairly") say how, not what: they make poor keywords.
            if (word.Length < 5 || !word.All(char.IsLetter) || word.EndsWith("ly", StringComparison.Ordinal) || StarRules.NotKeywords.Contains(word))
            {
                continue;
            }

            var stem = Stem(word);
            byStem[stem] = byStem.TryGetValue(stem, out var seen) ? seen with { Count = seen.Count + 1 } : (word, 1, position);
        }

        return [.. byStem.Values.OrderByDescending(k => k.Count).ThenBy(k => k.First).Take(count).Select(k => k.Word)];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    private static bool EndsSentence(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
}
