using PrepBot.Features.SqlPractice;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

public sealed class SqlSandboxTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly Dataset _shop;

    public SqlSandboxTests() => _shop = SqlFixtures.ShopDataset(_folder);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Select_returns_columns_and_typed_values()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "SELECT customers.id, name, country, amount FROM customers JOIN orders ON orders.customer_id = customers.id WHERE orders.id = 1", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Completed, run.Status);
        Assert.Equal(["id", "name", "country", "amount"], run.Result!.Columns);
        Assert.Equal([1L, "Ada", "GB", 10.5], Assert.Single(run.Result.Rows));
    }

    [Fact]
    public void Tables_read_are_listed_without_ctes()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "WITH c AS (SELECT * FROM customers) SELECT c.name FROM c JOIN orders o ON o.customer_id = c.id", TestContext.Current.CancellationToken);

        Assert.Equal(["customers", "orders"], run.TablesRead);
    }

    [Theory]
    [InlineData("INSERT INTO customers VALUES (9, 'Eve', 'FR')", "INSERT is not allowed here")]
    [InlineData("UPDATE customers SET name = 'x'", "UPDATE is not allowed here")]
    [InlineData("DELETE FROM orders", "DELETE is not allowed here")]
    [InlineData("REPLACE INTO customers VALUES (1, 'x', 'y')", "REPLACE is not allowed here")]
    [InlineData("CREATE TABLE t (x)", "CREATE is not allowed here")]
    [InlineData("DROP TABLE orders", "DROP is not allowed here")]
    [InlineData("ALTER TABLE orders ADD COLUMN x", "ALTER is not allowed here")]
    [InlineData("PRAGMA table_info(orders)", "PRAGMA is not allowed here")]
    [InlineData("ATTACH DATABASE '/tmp/x.db' AS x", "ATTACH is not allowed here")]
    [InlineData("DETACH DATABASE x", "DETACH is not allowed here")]
    [InlineData("VACUUM", "VACUUM is not allowed here")]
    [InlineData("REINDEX", "REINDEX is not allowed here")]
    [InlineData("ANALYZE", "ANALYZE is not allowed here")]
    [InlineData("BEGIN; SELECT 1", "BEGIN is not allowed here")]
    [InlineData("EXPLAIN SELECT 1", "EXPLAIN is not allowed here")]
    [InlineData("  -- a comment first\n  /* and another */ delete from orders", "DELETE is not allowed here")]
    public void Statements_other_than_select_are_refused_naming_the_statement(string query, string message)
    {
        var run = SqlFixtures.Sandbox().Run(_shop, query, TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.StartsWith(message, run.Message, StringComparison.Ordinal);
        Assert.Contains("only one SELECT query (or WITH … SELECT)", run.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WITH gone AS (SELECT id FROM orders) DELETE FROM orders WHERE id IN (SELECT id FROM gone)", "DELETE is not allowed here")]
    [InlineData("WITH n AS (SELECT 9) INSERT INTO customers SELECT 9, 'Eve', 'FR'", "INSERT is not allowed here")]
    [InlineData("WITH n AS (SELECT 1) UPDATE customers SET name = 'x'", "UPDATE is not allowed here")]
    [InlineData("SELECT * FROM pragma_table_info('orders')", "PRAGMA is not allowed here")]
    public void Authorizer_refuses_what_hides_behind_a_with_or_a_select(string query, string message)
    {
        var run = SqlFixtures.Sandbox().Run(_shop, query, TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.StartsWith(message, run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_extension_is_refused_by_name()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "SELECT load_extension('/tmp/evil.so')", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.StartsWith("The function load_extension() is not allowed", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_statement_after_a_semicolon_is_refused_with_its_position()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "SELECT 1;\nDROP TABLE orders;", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.Equal("Only one statement is allowed, but another one starts at line 2, column 1: remove everything after the first statement's ';'.", run.Message);
    }

    [Fact]
    public void Trailing_semicolons_and_comments_are_fine()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "SELECT COUNT(*) FROM orders; -- done\n;", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Completed, run.Status);
        Assert.Equal([5L], Assert.Single(run.Result!.Rows));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  -- only a comment")]
    public void Empty_query_is_refused(string query)
    {
        var run = SqlFixtures.Sandbox().Run(_shop, query, TestContext.Current.CancellationToken);

        Assert.Equal((SqlRunStatus.Refused, "The query is empty: write one SELECT statement."), (run.Status, run.Message));
    }

    [Fact]
    public void Runaway_recursive_cte_is_stopped_at_the_time_limit()
    {
        var sandbox = SqlFixtures.Sandbox(new SqlPracticeOptions { TimeLimitMilliseconds = 50 });

        var run = sandbox.Run(_shop, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.StartsWith("Your query ran for more than 0.05 s and was stopped.", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused()
    {
        var sandbox = SqlFixtures.Sandbox(new SqlPracticeOptions { MaxRows = 10 });

        var run = sandbox.Run(_shop, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 11) SELECT x FROM n", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.StartsWith("Your query returns more than 10 rows", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_row_limit_is_fine()
    {
        var sandbox = SqlFixtures.Sandbox(new SqlPracticeOptions { MaxRows = 10 });

        var run = sandbox.Run(_shop, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 10) SELECT x FROM n", TestContext.Current.CancellationToken);

        Assert.Equal(10, run.Result!.Rows.Count);
    }

    [Fact]
    public void Query_longer_than_the_limit_is_refused_before_it_runs()
    {
        var sandbox = SqlFixtures.Sandbox(new SqlPracticeOptions { MaxQueryLength = 100 });

        var run = sandbox.Run(_shop, "SELECT 1" + new string(' ', 100), TestContext.Current.CancellationToken);

        Assert.Equal((SqlRunStatus.Refused, "Your query is 108 characters long; the limit is 100."), (run.Status, run.Message));
    }

    [Fact]
    public void Oversized_values_are_stopped()
    {
        var sandbox = SqlFixtures.Sandbox(new SqlPracticeOptions { MaxValueBytes = 1000 });

        var run = sandbox.Run(_shop, "SELECT zeroblob(5000)", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Refused, run.Status);
        Assert.StartsWith("Your query built a text or blob value longer than 1,000 bytes", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_comes_back_with_its_position()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "SELECT name\nFORM customers", TestContext.Current.CancellationToken);

        Assert.Equal(SqlRunStatus.Failed, run.Status);
        Assert.Equal("near \"customers\": syntax error", run.Message);
        Assert.Equal((2, 6), SqlText.Position("SELECT name\nFORM customers", run.ErrorIndex!.Value));
    }

    [Fact]
    public void Unknown_column_is_named()
    {
        var run = SqlFixtures.Sandbox().Run(_shop, "SELECT nme FROM customers", TestContext.Current.CancellationToken);

        Assert.Equal((SqlRunStatus.Failed, "no such column: nme"), (run.Status, run.Message));
        Assert.Equal(7, run.ErrorIndex);
    }

    [Fact]
    public void Cancellation_stops_a_running_query()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => SqlFixtures.Sandbox().Run(
            _shop, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n", cancellation.Token));
    }

    [Fact]
    public void Heap_limit_is_applied_process_wide()
    {
        _ = SqlFixtures.Sandbox(new SqlPracticeOptions { HeapLimitMegabytes = 256 });

        Assert.Equal(256L * 1024 * 1024, SQLitePCL.raw.sqlite3_hard_heap_limit64(-1));
    }
}
