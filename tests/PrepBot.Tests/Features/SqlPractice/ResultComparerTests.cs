using PrepBot.Features.SqlPractice;

namespace PrepBot.Tests.Features.SqlPractice;

public sealed class ResultComparerTests
{
    private static QueryResult Result(string[] columns, params object?[][] rows) => new(columns, rows);

    private static readonly string[] Two = ["a", "b"];

    [Fact]
    public void Null_equals_null()
    {
        var difference = ResultComparer.Compare(Result(Two, [1L, null]), Result(Two, [1L, null]), new ComparisonRules());

        Assert.Null(difference);
    }

    [Fact]
    public void Null_does_not_equal_zero_or_empty_text()
    {
        Assert.NotNull(ResultComparer.Compare(Result(Two, [1L, null]), Result(Two, [1L, 0L]), new ComparisonRules()));
        Assert.NotNull(ResultComparer.Compare(Result(Two, [1L, null]), Result(Two, [1L, ""]), new ComparisonRules()));
    }

    [Fact]
    public void Integer_and_real_compare_by_value()
    {
        Assert.Null(ResultComparer.Compare(Result(Two, [3L, 2.0]), Result(Two, [3.0, 2L]), new ComparisonRules()));
    }

    [Fact]
    public void Reals_within_a_millionth_relative_are_equal()
    {
        Assert.Null(ResultComparer.Compare(Result(Two, [1L, 1000.0]), Result(Two, [1L, 1000.0009]), new ComparisonRules()));
    }

    [Fact]
    public void Reals_further_apart_than_the_tolerance_differ()
    {
        var difference = ResultComparer.Compare(Result(Two, [1L, 1000.0]), Result(Two, [1L, 1000.01]), new ComparisonRules());

        Assert.Equal(DifferenceKind.Values, difference!.Kind);
        Assert.Equal([1], difference.DifferingColumns);
    }

    [Fact]
    public void Text_is_exact_unless_the_card_says_case_insensitive()
    {
        var expected = Result(Two, [1L, "Delivered"]);
        var actual = Result(Two, [1L, "delivered"]);

        Assert.NotNull(ResultComparer.Compare(expected, actual, new ComparisonRules()));
        Assert.Null(ResultComparer.Compare(expected, actual, new ComparisonRules(CaseInsensitive: true)));
    }

    [Fact]
    public void Number_and_text_of_the_same_digits_differ()
    {
        Assert.NotNull(ResultComparer.Compare(Result(Two, [1L, 5L]), Result(Two, [1L, "5"]), new ComparisonRules()));
    }

    [Fact]
    public void Row_order_is_ignored_unless_the_card_says_ordered()
    {
        var expected = Result(Two, [1L, "x"], [2L, "y"], [3L, "z"]);
        var actual = Result(Two, [1L, "x"], [3L, "z"], [2L, "y"]);

        Assert.Null(ResultComparer.Compare(expected, actual, new ComparisonRules()));
        var difference = ResultComparer.Compare(expected, actual, new ComparisonRules(Ordered: true));
        Assert.Equal((DifferenceKind.Order, 1), (difference!.Kind, difference.FirstOutOfOrderRow));
    }

    [Fact]
    public void Duplicates_count_in_the_multiset()
    {
        var difference = ResultComparer.Compare(Result(Two, [1L, "x"], [2L, "y"]), Result(Two, [1L, "x"], [1L, "x"], [2L, "y"]), new ComparisonRules());

        Assert.Equal(DifferenceKind.RowCount, difference!.Kind);
        Assert.Equal([1L, "x"], Assert.Single(difference.Extra));
        Assert.Empty(difference.Missing);
    }

    [Fact]
    public void Column_names_are_ignored_unless_the_card_asks()
    {
        var expected = Result(["id", "revenue"], [1L, 2L]);
        var actual = Result(["id", "total"], [1L, 2L]);

        Assert.Null(ResultComparer.Compare(expected, actual, new ComparisonRules()));
        var difference = ResultComparer.Compare(expected, actual, new ComparisonRules(ColumnNames: true));
        Assert.Equal((DifferenceKind.ColumnName, 1), (difference!.Kind, difference.Column));
    }

    [Fact]
    public void Column_names_compare_ignoring_case()
    {
        Assert.Null(ResultComparer.Compare(Result(["Revenue"], [1L]), Result(["revenue"], [1L]), new ComparisonRules(ColumnNames: true)));
    }

    [Fact]
    public void Column_count_is_checked_first()
    {
        var difference = ResultComparer.Compare(Result(Two, [1L, 2L]), Result(["a"], [1L], [2L]), new ComparisonRules());

        Assert.Equal(DifferenceKind.ColumnCount, difference!.Kind);
    }

    [Fact]
    public void Values_paired_up_wrongly_name_no_single_column()
    {
        var difference = ResultComparer.Compare(Result(Two, [1L, "x"], [2L, "y"]), Result(Two, [1L, "y"], [2L, "x"]), new ComparisonRules());

        Assert.Equal(DifferenceKind.Values, difference!.Kind);
        Assert.Empty(difference.DifferingColumns);
    }
}
