using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Features.SqlPractice;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary><c>content check</c> running SQL cards: references, accepted and wrong queries, datasets.</summary>
public sealed class SqlCardVerifierTests : IDisposable
{
    private const string Reference = "SELECT c.name, COUNT(o.id) AS orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id";

    private readonly TempContentFolder _folder = new();
    private readonly ContentChecker _checker;

    public SqlCardVerifierTests()
    {
        var library = new DatasetLibrary(NullLogger<DatasetLibrary>.Instance);
        var catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = _folder.ContentDirectory }), NullLogger<CardCatalog>.Instance);
        var grader = new SqlGrader(library, SqlFixtures.Sandbox(), catalog);
        _checker = new ContentChecker(new CardParser(), [new SqlCardVerifier(grader, library)]);
        _folder.Write("datasets/shop.sql", SqlFixtures.Shop);
    }

    public void Dispose() => _folder.Dispose();

    private ContentCheckReport Check() => _checker.Check(_folder.ContentDirectory, _folder.RootDirectory);

    // Card lines: the reference block opens on line 17; queries in sections added after the Explanation open on line 31.
    private void WriteCard(string reference = Reference, string sections = "") =>
        _folder.Write("sql/orders.md", SqlFixtures.Card("sql-orders", reference, sections: sections));

    [Fact]
    public void Card_whose_queries_all_behave_passes()
    {
        WriteCard(sections: """

            ## Accepted

            ```sql
            SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c
            ```

            ## Wrong

            ```sql
            SELECT c.name, COUNT(*) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id
            ```
            """);

        var report = Check();

        Assert.Empty(report.Problems);
        Assert.Equal(["sql-orders"], report.Cards.Select(c => c.Id));
    }

    [Fact]
    public void Wrong_query_that_is_accepted_is_reported_on_its_line()
    {
        WriteCard(sections: """

            ## Wrong

            ```sql
            SELECT c.name, COUNT(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.name
            ```
            """);

        var report = Check();

        Assert.Equal(
            "content/sql/orders.md:31: wrong query 1 is accepted: it returns the same result as the reference, so it shows no mistake",
            Assert.Single(report.Problems).ToString());
        Assert.Empty(report.Cards);
    }

    [Fact]
    public void Accepted_query_that_is_rejected_is_reported_with_the_feedback()
    {
        WriteCard(sections: """

            ## Accepted

            ```sql
            SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id
            ```
            """);

        var problem = Assert.Single(Check().Problems);

        Assert.Equal("content/sql/orders.md:31: accepted query 1 is not accepted: ❌ Not yet. You returned 3 rows, the answer has 4.", problem.ToString());
    }

    [Fact]
    public void Wrong_query_that_does_not_run_is_reported()
    {
        WriteCard(sections: "\n## Wrong\n\n```sql\nSELECT nme FROM customers\n```\n");

        var problem = Assert.Single(Check().Problems);

        Assert.StartsWith("content/sql/orders.md:31: wrong query 1 does not run (⚠️ SQLite error: no such column: nme (line 1, column 8).)", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_that_returns_no_rows_is_reported()
    {
        WriteCard("SELECT name FROM customers WHERE 0");

        Assert.Equal(
            "content/sql/orders.md:17: the reference query returns no rows on dataset 'shop': a question needs an answer with rows to compare against",
            Assert.Single(Check().Problems).ToString());
    }

    [Fact]
    public void Reference_that_fails_is_reported_on_its_block()
    {
        WriteCard("SELECT nme FROM customers");

        Assert.Equal(
            "content/sql/orders.md:17: the reference query does not run on dataset 'shop': no such column: nme",
            Assert.Single(Check().Problems).ToString());
    }

    [Fact]
    public void Dataset_script_that_fails_is_reported_on_its_line_and_its_cards_are_not_run()
    {
        _folder.Write("datasets/shop.sql", "CREATE TABLE customers (id INTEGER);\nINSERT INTO customer VALUES (1);\n");
        WriteCard();

        Assert.Equal(
            "content/datasets/shop.sql:2: this statement of the dataset script fails: no such table: customer",
            Assert.Single(Check().Problems).ToString());
    }
}
