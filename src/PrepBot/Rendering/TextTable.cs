using System.Globalization;
using System.Text;
using Markdig.Extensions.Tables;

namespace PrepBot.Rendering;

/// <summary>Lays out table cells as padded, aligned columns for a monospace font.</summary>
internal static class TextTable
{
    private const string ColumnGap = "  ";

    /// <summary>The table's lines: header rows, a row of dashes, then the other rows.</summary>
    /// <param name="rows">Cell texts, one line each; rows may have fewer cells than columns.</param>
    /// <param name="headerRows">How many leading rows are header rows (0 for none).</param>
    /// <param name="alignments">Alignment per column; missing or null means left.</param>
    public static IReadOnlyList<string> Format(
        IReadOnlyList<IReadOnlyList<string>> rows, int headerRows, IReadOnlyList<TableColumnAlign?> alignments)
    {
        var columns = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var column = 0; column < row.Count; column++)
            {
                widths[column] = Math.Max(widths[column], Width(row[column]));
            }
        }

        var lines = rows.Select(row => string.Join(ColumnGap, Enumerable.Range(0, columns).Select(column =>
            Pad(column < row.Count ? row[column] : "", widths[column], column < alignments.Count ? alignments[column] : null))).TrimEnd())
            .ToList();
        if (headerRows > 0)
        {
            lines.Insert(headerRows, string.Join(ColumnGap, widths.Select(width => new string('-', Math.Max(width, 1)))));
        }

        return lines;
    }

    /// <summary>Columns a text takes in a monospace font, counting each user-perceived character once.</summary>
    public static int Width(string text) => new StringInfo(text).LengthInTextElements;

    private static string Pad(string text, int width, TableColumnAlign? alignment)
    {
        var space = width - Width(text);
        var left = alignment switch
        {
            TableColumnAlign.Right => space,
            TableColumnAlign.Center => space / 2,
            _ => 0,
        };
        return new StringBuilder(width).Append(' ', left).Append(text).Append(' ', space - left).ToString();
    }
}
