using System.Globalization;

namespace PrepBot.Content;

/// <summary>
/// Whether a multiple-choice card can be passed by picking the odd-looking option. A right option much longer than every
/// distractor (or much shorter than all of them) gives itself away, and so does a deck where the right option is
/// usually the longest. <c>content check</c> reports both; lengths are counted in characters of the option's text.
/// </summary>
public static class ChoiceBalance
{
    /// <summary>A right option may be at most this many times as long as the longest distractor.</summary>
    public const double MaxRatioToLongestDistractor = 1.5;

    /// <summary>A right option must be at least this share of the shortest distractor's length.</summary>
    public const double MinRatioToShortestDistractor = 0.5;

    /// <summary>Points above chance (1 in the number of options) that the deck's right-is-longest share may reach.</summary>
    public const double ShareMarginAboveChance = 0.10;

    /// <summary>Below this many multiple-choice cards the share says little, and is shown but not held against the folder.</summary>
    public const int MinimumCardsForShare = 20;

    /// <summary>The length of an option as an author would count it: its lines trimmed and joined by one space.</summary>
    public static int Length(CardChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Markdown.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Sum(line => line.Length + 1) - 1;
    }

    /// <summary>One problem per right option outside the length limits, at the option's line.</summary>
    public static IEnumerable<ContentProblem> Problems(Card card, string shownPath)
    {
        ArgumentNullException.ThrowIfNull(card);
        var distractors = card.Choices.Where(c => !c.IsCorrect).Select(Length).ToList();
        if (distractors.Count == 0)
        {
            yield break;
        }

        var longest = distractors.Max();
        var shortest = distractors.Min();
        foreach (var right in card.Choices.Where(c => c.IsCorrect))
        {
            var length = Length(right);
            if (length > MaxRatioToLongestDistractor * longest)
            {
                yield return new ContentProblem(shownPath, right.Line, string.Create(CultureInfo.InvariantCulture,
                    $"the right option is {length} characters, {(double)length / longest:0.00}× the longest wrong option ({longest}); at most {MaxRatioToLongestDistractor}× — lengthen the wrong options into real misconceptions, or shorten this one"));
            }
            else if (length < MinRatioToShortestDistractor * shortest)
            {
                yield return new ContentProblem(shownPath, right.Line, string.Create(CultureInfo.InvariantCulture,
                    $"the right option is {length} characters, under half the shortest wrong option ({shortest}) — it stands out as the short one"));
            }
        }
    }

    /// <summary>How often the right option is the longest, across the multiple-choice cards given, against the target.</summary>
    public static Share Measure(IEnumerable<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var multipleChoice = cards.Where(c => c.IsMultipleChoice && c.Choices.Any(choice => !choice.IsCorrect)).ToList();
        if (multipleChoice.Count == 0)
        {
            return new Share(0, 0, 0);
        }

        var longest = multipleChoice.Count(card =>
            card.Choices.Where(c => c.IsCorrect).Max(Length) > card.Choices.Where(c => !c.IsCorrect).Max(Length));
        var chance = multipleChoice.Average(card => 1.0 / card.Choices.Count);
        return new Share(multipleChoice.Count, longest, chance + ShareMarginAboveChance);
    }

    /// <param name="Cards">Multiple-choice cards measured.</param>
    /// <param name="RightIsLongest">Of those, the cards whose right option is longer than every wrong one.</param>
    /// <param name="Target">The highest acceptable share: chance (the mean of 1 / options) plus ten points.</param>
    public sealed record Share(int Cards, int RightIsLongest, double Target)
    {
        public double Value => Cards == 0 ? 0 : (double)RightIsLongest / Cards;

        /// <summary>Over the target, on enough cards (<see cref="MinimumCardsForShare"/>) for the share to mean something.</summary>
        public bool IsOverTarget => Cards >= MinimumCardsForShare && Value > Target;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"multiple choice: {Cards} cards; the right option is the longest in {RightIsLongest} ({Value * 100:0}%), target at most {Target * 100:0}% (chance plus 10 points)");
    }
}
