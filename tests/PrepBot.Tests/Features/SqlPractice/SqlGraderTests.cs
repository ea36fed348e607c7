using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Features.SqlPractice;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary>Grading on the tiny shop dataset: right answers written differently pass, subtle mistakes are named.</summary>
public sealed class SqlGraderTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly SqlGrader _grader;

    public SqlGraderTests()
    {
        _folder.Write("datasets/shop.sql", SqlFixtures.Shop);
        var catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = _folder.ContentDirectory }), NullLogger<CardCatalog>.Instance);
        _grader = new SqlGrader(new DatasetLibrary(NullLogger<DatasetLibrary>.Instance), SqlFixtures.Sandbox(), catalog);
    }

    public void Dispose() => _folder.Dispose();

    private SqlVerdict Grade(string reference, string query, string frontMatter = "") =>
        _grader.Grade(SqlFixtures.Parse("sql/card.md", SqlFixtures.Card("sql-card", reference, frontMatter)), query, TestContext.Current.CancellationToken);

    private const string DeliveredCustomers =
        "SELECT DISTINCT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'delivered'";

    [Fact]
    public void Subquery_instead_of_join_is_accepted()
    {
        var verdict = Grade(DeliveredCustomers, "SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'delivered')");

        Assert.Equal(SqlVerdictKind.Accepted, verdict.Kind);
        Assert.Equal("✅ **Accepted.** Your query returns the expected 2 rows.", verdict.Feedback);
    }

    [Fact]
    public void Window_function_instead_of_cte_is_accepted()
    {
        const string Cte = """
            WITH latest AS (SELECT customer_id, MAX(ordered_at) AS at FROM orders GROUP BY customer_id)
            SELECT o.customer_id, o.id FROM orders o JOIN latest l ON l.customer_id = o.customer_id AND l.at = o.ordered_at
            """;
        const string Window = """
            SELECT customer_id, id FROM (
              SELECT customer_id, id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC) AS rn FROM orders)
            WHERE rn = 1
            """;

        Assert.Equal(SqlVerdictKind.Accepted, Grade(Cte, Window).Kind);
    }

    [Fact]
    public void Missing_distinct_is_rejected_with_the_row_counts_and_the_duplicate()
    {
        var verdict = Grade(DeliveredCustomers, "SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'delivered'");

        Assert.Equal(SqlVerdictKind.Rejected, verdict.Kind);
        Assert.StartsWith("❌ **Not yet.** You returned 3 rows, the answer has 2.", verdict.Feedback, StringComparison.Ordinal);
        Assert.Contains("**Rows you returned that the answer does not have** (1):\n```\nname\n-----\nGrace\n```", verdict.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("missing from yours", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Inner_join_dropping_customers_without_orders_is_rejected_showing_the_missing_row()
    {
        const string Reference = "SELECT c.name, COUNT(o.id) AS orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id";

        var verdict = Grade(Reference, "SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id");

        Assert.StartsWith("❌ **Not yet.** You returned 3 rows, the answer has 4.", verdict.Feedback, StringComparison.Ordinal);
        Assert.Contains("**Rows of the answer missing from yours** (1):\n```\nname  orders\n----  ------\nAlan  0\n```", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_instead_of_dense_rank_is_rejected_naming_the_column()
    {
        const string Reference = "SELECT player, DENSE_RANK() OVER (ORDER BY points DESC) AS place FROM scores";

        var verdict = Grade(Reference, "SELECT player, RANK() OVER (ORDER BY points DESC) AS place FROM scores");

        Assert.Equal(SqlVerdictKind.Rejected, verdict.Kind);
        Assert.StartsWith("❌ **Not yet.** You returned the right number of rows (5), but 2 of them differ from the answer. The values differ in column 2 (`place`).",
            verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_by_one_date_bound_is_rejected()
    {
        const string Reference = "SELECT id FROM orders WHERE ordered_at >= '2024-01-01' AND ordered_at < '2024-02-01'";

        var verdict = Grade(Reference, "SELECT id FROM orders WHERE ordered_at BETWEEN '2024-01-01' AND '2024-01-31'");

        Assert.StartsWith("❌ **Not yet.** You returned 1 row, the answer has 2.", verdict.Feedback, StringComparison.Ordinal);
        Assert.Contains("\nid\n--\n2\n", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_column_count_lists_the_learners_columns()
    {
        var verdict = Grade("SELECT id, name FROM customers", "SELECT id FROM customers");

        Assert.Equal("❌ **Not yet.** Your query returns 1 column; the answer has 2.\n\nYour columns: `id`.", verdict.Feedback);
    }

    [Fact]
    public void Feedback_shows_at_most_three_rows_of_the_answer()
    {
        var verdict = Grade("SELECT player FROM scores", "SELECT player FROM scores WHERE 0");

        Assert.Contains("(first 3 of 5)", verdict.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("\nd\n", verdict.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("\ne\n", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordered_card_rejects_the_right_rows_in_the_wrong_order()
    {
        var verdict = Grade("SELECT player FROM scores ORDER BY points DESC, player", "SELECT player FROM scores ORDER BY points, player", "ordered: true");

        Assert.Equal("❌ **Not yet.** Your rows are right, but not in the order the question asks for: row 1 is the first one out of place.", verdict.Feedback);
    }

    [Fact]
    public void Unordered_card_accepts_any_order()
    {
        Assert.True(Grade("SELECT player FROM scores ORDER BY points DESC", "SELECT player FROM scores ORDER BY player").IsAccepted);
    }

    [Fact]
    public void Case_insensitive_card_accepts_other_letter_case()
    {
        Assert.True(Grade("SELECT status FROM orders", "SELECT upper(status) FROM orders", "case_insensitive: true").IsAccepted);
        Assert.False(Grade("SELECT status FROM orders", "SELECT upper(status) FROM orders").IsAccepted);
    }

    [Fact]
    public void Column_names_card_names_the_wrong_column()
    {
        var verdict = Grade("SELECT id AS customer_id FROM customers", "SELECT id FROM customers", "column_names: true");

        Assert.Equal("❌ **Not yet.** Column 1 is named `id`; the question asks for `customer_id`.", verdict.Feedback);
    }

    [Fact]
    public void Refused_query_says_what_is_not_allowed()
    {
        var verdict = Grade("SELECT 1", "DELETE FROM orders");

        Assert.Equal(SqlVerdictKind.Refused, verdict.Kind);
        Assert.StartsWith("🚫 **Not run.** DELETE is not allowed here", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_error_shows_the_position_with_a_caret()
    {
        var verdict = Grade("SELECT 1", "SELECT nme FROM customers");

        Assert.Equal("⚠️ **SQLite error:** no such column: nme (line 1, column 8).\n\n```\nSELECT nme FROM customers\n       ^\n```", verdict.Feedback);
    }

    [Fact]
    public void Card_whose_dataset_is_missing_cannot_be_graded()
    {
        var card = SqlFixtures.Parse("sql/card.md", SqlFixtures.Card("sql-card", "SELECT 1").Replace("dataset: shop", "dataset: nope", StringComparison.Ordinal));

        var verdict = _grader.Grade(card, "SELECT 1", TestContext.Current.CancellationToken);

        Assert.Equal(SqlVerdictKind.Unavailable, verdict.Kind);
        Assert.Contains("dataset 'nope' not found: there is no datasets/nope.sql", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_attempt_gets_a_fresh_copy_of_the_dataset()
    {
        var first = Grade("SELECT COUNT(*) FROM orders", "SELECT COUNT(*) FROM orders");
        var refused = Grade("SELECT COUNT(*) FROM orders", "DELETE FROM orders");
        var second = Grade("SELECT COUNT(*) FROM orders", "SELECT COUNT(*) FROM orders");

        Assert.True(first.IsAccepted && second.IsAccepted);
        Assert.Equal(SqlVerdictKind.Refused, refused.Kind);
    }
}
