using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Rendering;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// What a SQL question shows under its text: each table its reference query reads, with column names, declared
/// types, the row count and a few first rows, as code blocks sized to fit the message.
/// </summary>
public sealed class SqlCardPreview(SqlGrader grader)
{
    private const int MaxSampleRows = 3;

    /// <summary>The tables as Markdown in at most <paramref name="budget"/> characters, or null when the dataset is unavailable.</summary>
    public string? Tables(Card card, int budget)
    {
        ArgumentNullException.ThrowIfNull(card);
        var reference = grader.Reference(card);
        if (reference.Dataset is not { } dataset)
        {
            return null;
        }

        var used = reference.Run?.TablesRead.Select(dataset.Table).OfType<DatasetTable>().ToList() ?? [];
        if (used.Count == 0)
        {
            used = [.. dataset.Tables];
        }

        // Fewer sample rows until it fits; then as many whole tables as fit, naming the rest.
        for (var samples = MaxSampleRows; samples >= 0; samples--)
        {
            var text = Render(used, samples);
            if (text.Length <= budget)
            {
                return text;
            }
        }

        var shown = new List<DatasetTable>(used);
        while (shown.Count > 0)
        {
            shown.RemoveAt(shown.Count - 1);
            var rest = used.Skip(shown.Count).Select(table => $"`{table.Name}`");
            var text = Render(shown, 0) + "\n*Also used: " + string.Join(", ", rest) + ".*";
            if (text.Length <= budget)
            {
                return text.TrimStart('\n');
            }
        }

        return null;
    }

    private static string Render(IReadOnlyList<DatasetTable> tables, int samples)
    {
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(CultureInfo.InvariantCulture, $"**{table.Name}** · {table.RowCount:N0} {(table.RowCount == 1 ? "row" : "rows")}\n");
            // Names and declared types are the two header rows; the sample rows follow the dashes.
            var cells = new List<IReadOnlyList<string>>
            {
                table.Columns.Select(c => c.Name).ToList(),
                table.Columns.Select(c => c.Type.Length == 0 ? "(any)" : c.Type).ToList(),
            };
            cells.AddRange(table.SampleRows.Take(samples).Select(row => (IReadOnlyList<string>)row.Select(SqlFeedback.Cell).ToList()));
            text.Append(SqlFeedback.Fence(string.Join('\n', TextTable.Format(cells, headerRows: 2, alignments: [])))).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
