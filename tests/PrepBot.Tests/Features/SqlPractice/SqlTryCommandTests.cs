using PrepBot.Hosting;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary><c>sql try</c> through the program's entry point, as an author runs it.</summary>
public sealed class SqlTryCommandTests : IDisposable
{
    private const string Reference = "SELECT c.name, COUNT(o.id) AS orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id";

    private readonly TempContentFolder _folder = new();

    public SqlTryCommandTests()
    {
        _folder.Write("datasets/shop.sql", SqlFixtures.Shop);
        _folder.Write("sql/orders.md", SqlFixtures.Card("sql-orders", Reference));
        _folder.Write("concept/a.md", FlowCards.Reveal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(int Exit, string Output, string Error)> RunAsync(string card, string query, string? standardInput = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(
            ["sql", "try", card, query, $"--Content:Directory={_folder.ContentDirectory}"],
            output: output,
            error: error,
            input: new StringReader(standardInput ?? string.Empty));
        return (exit, output.ToString(), error.ToString());
    }

    private string QueryFile(string sql) => _folder.Write("answer.sql", sql);

    [Fact]
    public async Task Accepted_query_exits_zero_with_the_learners_message()
    {
        var (exit, output, _) = await RunAsync("sql-orders", QueryFile("SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c"));

        Assert.Equal(0, exit);
        Assert.Equal("✅ Accepted. Your query returns the expected 4 rows.\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Rejected_query_exits_one_and_shows_what_differs_in_plain_text()
    {
        var (exit, output, _) = await RunAsync("sql-orders", QueryFile("SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id"));

        Assert.Equal(1, exit);
        Assert.StartsWith("❌ Not yet. You returned 3 rows, the answer has 4.", output, StringComparison.Ordinal);
        Assert.Contains("Rows of the answer missing from yours (1):", output, StringComparison.Ordinal);
        Assert.DoesNotContain("**", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_from_standard_input_with_a_card_path()
    {
        var (exit, output, _) = await RunAsync(_folder.FullPath("sql/orders.md"), "-", "DELETE FROM orders");

        Assert.Equal(2, exit);
        Assert.StartsWith("🚫 Not run. DELETE is not allowed here", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_error_exits_two()
    {
        var (exit, output, _) = await RunAsync("sql-orders", "-", "SELECT nme FROM customers");

        Assert.Equal(2, exit);
        Assert.StartsWith("⚠️ SQLite error: no such column: nme (line 1, column 8).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_card_id_exits_two_with_a_suggestion()
    {
        var (exit, _, error) = await RunAsync("sql-ordres", "-");

        Assert.Equal(2, exit);
        Assert.Contains("there is no card with id 'sql-ordres'", error, StringComparison.Ordinal);
        Assert.Contains("(did you mean 'sql-orders'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_that_is_not_sql_exits_two()
    {
        var (exit, _, error) = await RunAsync("concept-idempotency", "-");

        Assert.Equal(2, exit);
        Assert.Contains("sql try: 'concept-idempotency' is a concept card, not a sql card.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_query_file_exits_two_naming_it()
    {
        var missing = _folder.FullPath("nope.sql");

        var (exit, _, error) = await RunAsync("sql-orders", missing);

        Assert.Equal(2, exit);
        Assert.Contains($"sql try: cannot read the query file '{missing}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_limit_stops_at_start_naming_the_key()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(
            ["sql", "try", "sql-orders", "-", $"--Content:Directory={_folder.ContentDirectory}", "--SqlPractice:TimeLimitMilliseconds=0"],
            output: output,
            error: error,
            input: new StringReader("SELECT 1"));

        Assert.Equal(2, exit);
        Assert.Contains("Configuration error: SqlPractice:TimeLimitMilliseconds: must be from 10 to 60000 (got 0)", error.ToString(), StringComparison.Ordinal);
    }
}
