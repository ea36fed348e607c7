using System.Globalization;
using System.Text;

namespace PrepBot.Content;

/// <summary>The outcome of <see cref="ContentChecker.Check(string)"/>.</summary>
public sealed class ContentCheckReport(IReadOnlyList<Card> cards, IReadOnlyList<ContentProblem> problems)
{
    /// <summary>The cards that passed every check, by week then id.</summary>
    public IReadOnlyList<Card> Cards { get; } = cards;

    /// <summary>Every problem found, sorted by path then line.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    public bool HasProblems => Problems.Count > 0;

    /// <summary>
    /// A short text for the terminal: the card count, then a table of cards per week (rows) and kind
    /// (columns) with totals, then how often a multiple-choice card's right option is its longest.
    /// </summary>
    public string Summary()
    {
        var kinds = Enum.GetValues<CardKind>();
        var header = new List<string> { "week" };
        header.AddRange(kinds.Select(CardFormat.KindName));
        header.Add("total");

        var rows = Cards.GroupBy(card => card.Week)
            .OrderBy(week => week.Key)
            .Select(week => Row(week.Key.ToString(CultureInfo.InvariantCulture), week))
            .Append(Row("total", Cards))
            .ToList();
        var widths = header.Select((title, column) => Math.Max(title.Length, rows.Max(row => row[column].Length))).ToList();

        var retired = Cards.Count(card => card.Retired);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Cards.Count} {(Cards.Count == 1 ? "card" : "cards")}");
        text.Append(retired > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({retired} retired)") : "");
        text.Append('\n');
        foreach (var row in rows.Prepend(header))
        {
            text.AppendJoin("  ", row.Select((cell, column) => cell.PadLeft(widths[column]))).Append('\n');
        }

        var share = ChoiceBalance.Measure(Cards);
        if (share.Cards > 0)
        {
            text.Append(share.ToString()).Append('\n');
        }

        return text.ToString();

        List<string> Row(string label, IEnumerable<Card> cardsInRow)
        {
            var counts = kinds.Select(kind => cardsInRow.Count(card => card.Kind == kind)).ToList();
            return [label, .. counts.Select(count => count.ToString(CultureInfo.InvariantCulture)), counts.Sum().ToString(CultureInfo.InvariantCulture)];
        }
    }
}
