namespace PrepBot.Features.SqlPractice;

/// <summary>How a card wants results compared (front matter <c>ordered</c>, <c>column_names</c>, <c>case_insensitive</c>).</summary>
public sealed record ComparisonRules(bool Ordered = false, bool ColumnNames = false, bool CaseInsensitive = false);

public enum DifferenceKind
{
    /// <summary>A different number of columns.</summary>
    ColumnCount,

    /// <summary>A column is named differently (only when the card asks for names).</summary>
    ColumnName,

    /// <summary>A different number of rows.</summary>
    RowCount,

    /// <summary>As many rows, but some hold different values.</summary>
    Values,

    /// <summary>The same rows in a different order (only when the card asks for an order).</summary>
    Order,
}

/// <summary>How a learner's result differs from the reference's.</summary>
/// <param name="Kind">The first kind of difference found, in the order of <see cref="DifferenceKind"/>.</param>
/// <param name="Column">For <see cref="DifferenceKind.ColumnName"/>: the 0-based column.</param>
/// <param name="Extra">Rows the learner returned that the answer does not have (sorted), counting duplicates.</param>
/// <param name="Missing">Rows of the answer the learner did not return (sorted), counting duplicates.</param>
/// <param name="DifferingColumns">0-based columns whose values (as a multiset) differ, for <see cref="DifferenceKind.Values"/>.</param>
/// <param name="FirstOutOfOrderRow">For <see cref="DifferenceKind.Order"/>: the 0-based row where the order first differs.</param>
public sealed record ResultDifference(
    DifferenceKind Kind,
    int Column,
    IReadOnlyList<object?[]> Extra,
    IReadOnlyList<object?[]> Missing,
    IReadOnlyList<int> DifferingColumns,
    int FirstOutOfOrderRow);

/// <summary>
/// Compares a learner's result with the reference's: same column count and rows; NULL equals NULL, integers and
/// reals compare by value, reals within <see cref="RelativeTolerance"/>, text exactly (or ignoring case); rows as a
/// multiset unless the card wants them ordered; column names only when the card asks.
/// </summary>
public static class ResultComparer
{
    /// <summary>Two reals are equal when they differ by at most this fraction of the larger magnitude.</summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>The difference, or null when the learner's result is accepted.</summary>
    public static ResultDifference? Compare(QueryResult expected, QueryResult actual, ComparisonRules rules)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(rules);
        if (expected.Columns.Count != actual.Columns.Count)
        {
            return Difference(DifferenceKind.ColumnCount);
        }

        if (rules.ColumnNames)
        {
            for (var i = 0; i < expected.Columns.Count; i++)
            {
                if (!string.Equals(expected.Columns[i], actual.Columns[i], StringComparison.OrdinalIgnoreCase))
                {
                    return Difference(DifferenceKind.ColumnName) with { Column = i };
                }
            }
        }

        var values = new ValueComparer(rules.CaseInsensitive);
        var (missing, extra) = MultisetDifference(expected.Rows, actual.Rows, values);
        if (missing.Count > 0 || extra.Count > 0)
        {
            var kind = expected.Rows.Count == actual.Rows.Count ? DifferenceKind.Values : DifferenceKind.RowCount;
            var columns = kind == DifferenceKind.Values ? DifferingColumns(expected, actual, values) : [];
            return new ResultDifference(kind, -1, extra, missing, columns, -1);
        }

        if (rules.Ordered)
        {
            for (var i = 0; i < expected.Rows.Count; i++)
            {
                if (values.CompareRows(expected.Rows[i], actual.Rows[i], tolerant: true) != 0)
                {
                    return Difference(DifferenceKind.Order) with { FirstOutOfOrderRow = i };
                }
            }
        }

        return null;
    }

    private static ResultDifference Difference(DifferenceKind kind) => new(kind, -1, [], [], [], -1);

    /// <summary>Sorts both sides and walks them together: what only one side has, duplicates counted.</summary>
    private static (List<object?[]> Missing, List<object?[]> Extra) MultisetDifference(
        IReadOnlyList<object?[]> expected, IReadOnlyList<object?[]> actual, ValueComparer values)
    {
        var left = expected.ToArray();
        var right = actual.ToArray();
        Comparison<object?[]> exact = (a, b) => values.CompareRows(a, b, tolerant: false);
        Array.Sort(left, exact);
        Array.Sort(right, exact);
        var missing = new List<object?[]>();
        var extra = new List<object?[]>();
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            var order = values.CompareRows(left[i], right[j], tolerant: true);
            if (order == 0)
            {
                i++;
                j++;
            }
            else if (order < 0)
            {
                missing.Add(left[i++]);
            }
            else
            {
                extra.Add(right[j++]);
            }
        }

        missing.AddRange(left.Skip(i));
        extra.AddRange(right.Skip(j));
        return (missing, extra);
    }

    /// <summary>Columns whose values, taken as a multiset on their own, differ between the two results.</summary>
    private static List<int> DifferingColumns(QueryResult expected, QueryResult actual, ValueComparer values)
    {
        var columns = new List<int>();
        for (var column = 0; column < expected.Columns.Count; column++)
        {
            var c = column;
            var (missing, extra) = MultisetDifference(
                [.. expected.Rows.Select(row => new[] { row[c] })],
                [.. actual.Rows.Select(row => new[] { row[c] })],
                values);
            if (missing.Count > 0 || extra.Count > 0)
            {
                columns.Add(column);
            }
        }

        return columns;
    }

    /// <summary>Orders values NULL, numbers, text, blobs; numbers by value (integers and reals alike).</summary>
    private sealed class ValueComparer(bool caseInsensitive)
    {
        private readonly StringComparer _text = caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        public int CompareRows(object?[] a, object?[] b, bool tolerant)
        {
            for (var i = 0; i < a.Length; i++)
            {
                var order = Compare(a[i], b[i], tolerant);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }

        private int Compare(object? a, object? b, bool tolerant)
        {
            var rank = Rank(a).CompareTo(Rank(b));
            if (rank != 0)
            {
                return rank;
            }

            return (a, b) switch
            {
                (null, null) => 0,
                (long x, long y) => x.CompareTo(y),
                (string x, string y) => _text.Compare(x, y),
                (byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y),
                _ => CompareNumbers(Convert.ToDouble(a, null), Convert.ToDouble(b, null), tolerant),
            };
        }

        private static int CompareNumbers(double x, double y, bool tolerant)
        {
            if (tolerant && (x == y || Math.Abs(x - y) <= RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y))))
            {
                return 0;
            }

            return x.CompareTo(y);
        }

        private static int Rank(object? value) => value switch
        {
            null => 0,
            long or double => 1,
            string => 2,
            _ => 3,
        };
    }
}
