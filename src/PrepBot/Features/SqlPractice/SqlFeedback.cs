using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Rendering;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// The words a learner reads about a query (Markdown): accepted, or exactly what differs with a few of the
/// differing rows — never the whole reference result. The same text goes to Discord, the terminal and <c>sql try</c>.
/// </summary>
public static class SqlFeedback
{
    /// <summary>At most this many missing and this many extra rows are shown.</summary>
    public const int RowsShown = 3;

    private const int CellWidth = 32;

    public static string Accepted(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"✅ **Accepted.** Your query returns the expected {Rows(result.Rows.Count)}.";
    }

    public static string Refused(SqlRun run, string query)
    {
        ArgumentNullException.ThrowIfNull(run);
        return "🚫 **Not run.** " + run.Message + CaretBlock(query, run.ErrorIndex);
    }

    public static string Failed(SqlRun run, string query)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder("⚠️ **SQLite error:** ").Append(run.Message);
        if (run.ErrorIndex is { } index)
        {
            var (line, column) = SqlText.Position(query, index);
            text.Append(CultureInfo.InvariantCulture, $" (line {line}, column {column})");
        }

        return text.Append('.').Append(CaretBlock(query, run.ErrorIndex)).ToString();
    }

    public static string Unavailable(Card card, string problem)
    {
        ArgumentNullException.ThrowIfNull(card);
        return $"⚠️ This question cannot be graded right now: {problem}. Your query was not judged; please tell the content authors (card `{card.Id}`).";
    }

    public static string Rejected(ResultDifference difference, QueryResult expected, QueryResult actual)
    {
        ArgumentNullException.ThrowIfNull(difference);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var text = new StringBuilder("❌ **Not yet.** ");
        switch (difference.Kind)
        {
            case DifferenceKind.ColumnCount:
                text.Append(CultureInfo.InvariantCulture, $"Your query returns {Count(actual.Columns.Count, "column")}; the answer has {expected.Columns.Count}.");
                text.Append("\n\nYour columns: ").AppendJoin(", ", actual.Columns.Select(Code)).Append('.');
                return text.ToString();
            case DifferenceKind.ColumnName:
                var i = difference.Column;
                text.Append(CultureInfo.InvariantCulture, $"Column {i + 1} is named {Code(actual.Columns[i])}; the question asks for {Code(expected.Columns[i])}.");
                return text.ToString();
            case DifferenceKind.Order:
                text.Append(CultureInfo.InvariantCulture,
                    $"Your rows are right, but not in the order the question asks for: row {difference.FirstOutOfOrderRow + 1} is the first one out of place.");
                return text.ToString();
            case DifferenceKind.RowCount:
                text.Append(CultureInfo.InvariantCulture, $"You returned {Rows(actual.Rows.Count)}, the answer has {expected.Rows.Count}.");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture,
                    $"You returned the right number of rows ({actual.Rows.Count}), but {difference.Extra.Count} of them differ from the answer.");
                text.Append(' ').Append(ColumnHint(difference.DifferingColumns, actual.Columns));
                break;
        }

        AppendRows(text, "Rows you returned that the answer does not have", actual.Columns, difference.Extra);
        AppendRows(text, "Rows of the answer missing from yours", expected.Columns, difference.Missing);
        return text.ToString();
    }

    /// <summary>The first rows of a result as a code block, with a line saying how many there are in all.</summary>
    public static string Preview(QueryResult result, int rows)
    {
        ArgumentNullException.ThrowIfNull(result);
        var shown = result.Rows.Take(rows).ToList();
        var heading = shown.Count < result.Rows.Count
            ? string.Create(CultureInfo.InvariantCulture, $"first {shown.Count} of {result.Rows.Count} rows")
            : Rows(result.Rows.Count);
        return $"({heading})\n" + Block(result.Columns, shown);
    }

    /// <summary>Rows as an aligned plain-text table in a code block.</summary>
    public static string Block(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new List<IReadOnlyList<string>> { columns.Select(name => Shorten(name)).ToList() };
        cells.AddRange(rows.Select(row => (IReadOnlyList<string>)row.Select(Cell).ToList()));
        return Fence(string.Join('\n', TextTable.Format(cells, headerRows: 1, alignments: [])));
    }

    /// <summary>One value as the learner would write it: NULL, a number, text, or a blob in hex.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "NULL",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("G12", CultureInfo.InvariantCulture),
        string text => Shorten(text.ReplaceLineEndings(" ")),
        byte[] bytes => "x'" + Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 8))) + (bytes.Length > 8 ? "…'" : "'"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    internal static string Fence(string text)
    {
        var fence = text.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        return $"{fence}\n{text}\n{fence}";
    }

    private static void AppendRows(StringBuilder text, string title, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var count = rows.Count > RowsShown
            ? string.Create(CultureInfo.InvariantCulture, $"first {RowsShown} of {rows.Count}")
            : rows.Count.ToString(CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"\n\n**{title}** ({count}):\n");
        text.Append(Block(columns, rows.Take(RowsShown)));
    }

    private static string ColumnHint(IReadOnlyList<int> columns, IReadOnlyList<string> names) => columns.Count switch
    {
        0 => "Each column holds the right values, but they are paired up differently across rows.",
        1 => $"The values differ in column {Describe(columns[0], names)}.",
        _ => $"The values differ in columns {string.Join(", ", columns.Take(columns.Count - 1).Select(c => Describe(c, names)))} and {Describe(columns[^1], names)}.",
    };

    private static string Describe(int column, IReadOnlyList<string> names) =>
        string.Create(CultureInfo.InvariantCulture, $"{column + 1} ({Code(names[column])})");

    private static string CaretBlock(string query, int? index) =>
        index is { } at && query.Length > 0 ? "\n\n" + Fence(SqlText.Caret(query, at)) : string.Empty;

    private static string Code(string name) => name.Contains('`', StringComparison.Ordinal) ? $"'{name}'" : $"`{name}`";

    private static string Rows(int count) => Count(count, "row");

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Shorten(string text) => text.Length <= CellWidth ? text : string.Concat(text.AsSpan(0, CellWidth - 1), "…");
}
