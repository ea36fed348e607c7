using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary>A SQL card in the terminal: the query is typed over several lines and ends on a line holding only '.'.</summary>
public sealed class SqlPracticeSessionTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-sqlterm-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public SqlPracticeSessionTests()
    {
        _content.Write("datasets/shop.sql", SqlFixtures.Shop);
        _content.Write("sql/delivered.md", SqlFixtures.Card(
            "sql-delivered", "SELECT DISTINCT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'delivered'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task<string> RunAsync(params string[] lines) =>
        (await PracticeRunner.RunAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "p.db"), _time, lines)).Output;

    [Fact]
    public async Task Multi_line_query_ending_on_a_dot_is_graded()
    {
        var output = await RunAsync(
            "/quiz", "1",
            "SELECT name",
            "FROM customers",
            "WHERE id IN (SELECT customer_id FROM orders WHERE status = 'delivered');",
            ".",
            "/quit");

        Assert.Contains("SQL query (end with a line holding only '.'):", output, StringComparison.Ordinal);
        Assert.Contains("✅ Accepted. Your query returns the expected 2 rows. First try, no hint, and quick.", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Easy.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_query_offers_try_again_which_opens_the_prompt_again()
    {
        var output = await RunAsync(
            "/quiz", "1",
            "SELECT name FROM customers",
            ".",
            "1",
            "SELECT DISTINCT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'delivered'",
            ".",
            "/quit");

        Assert.Contains("❌ Not yet. You returned 4 rows, the answer has 2.", output, StringComparison.Ordinal);
        Assert.Contains("[1] Try again  [2] Hint  [3] Give up", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Hard.", output, StringComparison.Ordinal);
    }
}
