using System.Globalization;
using PrepBot.Content;
using PrepBot.Features.Study;
using PrepBot.Learning;
using PrepBot.Rendering;

namespace PrepBot.Features.Cards;

/// <summary>
/// The authors' card statistics as text, one way for <c>content stats</c> and <c>/card show</c>: learners, reviews, lapse
/// rate, share wrong at first sight, leeches, and for multiple choice how often each option was chosen.
/// </summary>
public static class CardStatsReport
{
    private const int OptionLabelLength = 48;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>What "worst" means, for the header of the list.</summary>
    public const string Ordering =
        "worst first: by lapse rate (scheduled reviews failed), then by share wrong at first sight (first answer below Hard, or a wrong option)";

    /// <summary>Highest lapse rate first, then highest share wrong at first sight (cards without either figure after), then most reviewed.</summary>
    public static IReadOnlyList<CardReviewStats> WorstFirst(IEnumerable<CardReviewStats> stats) =>
        [.. stats.OrderByDescending(s => s.LapseRate ?? -1)
            .ThenByDescending(s => s.FirstWrongRate ?? -1)
            .ThenByDescending(s => s.Reviews)
            .ThenBy(s => s.CardId, StringComparer.Ordinal)];

    /// <summary>The card's id, kind, week and topic, or that it is retired or no longer in the deck.</summary>
    public static string Title(string cardId, Card? card) => card is null
        ? $"{cardId} (no longer in the deck)"
        : string.Create(Invariant, $"{cardId} — {CardPresenter.KindLabel(card.Kind)} · week {card.Week} · {card.Topic}{(card.Retired ? " (retired)" : "")}");

    /// <summary>E.g. <c>learners 3 · reviews 7 · lapse rate 50% (1 of 2) · wrong at first sight 33% (1 of 3) · leeches 0</c>.</summary>
    public static string Figures(CardReviewStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return string.Create(Invariant,
            $"learners {stats.Learners} · reviews {stats.Reviews} · lapse rate {Rate(stats.Lapses, stats.ScheduledReviews)} · wrong at first sight {Rate(stats.FirstWrong, stats.FirstAnswers)} · leeches {stats.Leeches}");
    }

    /// <summary>
    /// A multiple-choice card's options in file order (A = first written), the right ones marked ✓, each with how often it
    /// was chosen; a wrong option nobody chooses, or one chosen more than the right answer, is pointed out. Empty for other cards.
    /// </summary>
    public static IReadOnlyList<string> Options(CardReviewStats stats, Card? card)
    {
        ArgumentNullException.ThrowIfNull(stats);
        if (card is not { IsMultipleChoice: true })
        {
            return [];
        }

        var lines = new List<string> { string.Create(Invariant, $"options chosen ({stats.ChoiceAnswers} {(stats.ChoiceAnswers == 1 ? "answer" : "answers")}):") };
        var mostRight = Enumerable.Range(0, card.Choices.Count).Where(i => card.Choices[i].IsCorrect).Select(i => stats.OptionPicks.GetValueOrDefault(i)).DefaultIfEmpty().Max();
        for (var i = 0; i < card.Choices.Count; i++)
        {
            var choice = card.Choices[i];
            var picked = stats.OptionPicks.GetValueOrDefault(i);
            var note = choice.IsCorrect || stats.ChoiceAnswers == 0 ? ""
                : picked == 0 ? " ← never chosen"
                : picked > mostRight ? " ← chosen more than the right answer"
                : "";
            lines.Add(string.Create(Invariant,
                $"{(choice.IsCorrect ? "✓" : " ")} {CardPresenter.Letter(i)}. {Shorten(MarkdownRenderer.ToPlainText(choice.Markdown))} — {Count(picked, stats.ChoiceAnswers)}{note}"));
        }

        foreach (var (index, picked) in stats.OptionPicks.Where(p => p.Key >= card.Choices.Count).OrderBy(p => p.Key))
        {
            lines.Add(string.Create(Invariant, $"  option {index + 1} (no longer in the card) — {Count(picked, stats.ChoiceAnswers)}"));
        }

        return lines;
    }

    private static string Rate(int part, int whole) => whole == 0 ? "–" : string.Create(Invariant, $"{Percent(part, whole)} ({part} of {whole})");

    private static string Count(int part, int whole) => whole == 0 ? "0" : string.Create(Invariant, $"{part} ({Percent(part, whole)})");

    private static string Percent(int part, int whole) => string.Create(Invariant, $"{Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero)}%");

    private static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= OptionLabelLength ? line : string.Concat(line.AsSpan(0, OptionLabelLength - 1).TrimEnd(), "…");
    }
}
