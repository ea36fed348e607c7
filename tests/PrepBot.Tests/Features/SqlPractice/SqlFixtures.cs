using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Features.SqlPractice;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary>A tiny shop dataset and SQL cards on it, so these tests do not depend on the real datasets' contents.</summary>
internal static class SqlFixtures
{
    public const string Shop = """
        -- A tiny shop for the SQL practice tests.
        CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT);
        INSERT INTO customers VALUES (1, 'Ada', 'GB'), (2, 'Grace', 'US'), (3, 'Linus', NULL), (4, 'Alan', 'GB');

        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, status TEXT, ordered_at TEXT, amount REAL);
        INSERT INTO orders VALUES
          (1, 1, 'delivered', '2024-01-05T10:00:00', 10.5),
          (2, 1, 'cancelled', '2024-01-31T18:30:00', 20.0),
          (3, 2, 'delivered', '2024-02-01T09:00:00', 7.25),
          (4, 2, 'delivered', '2024-02-03T12:00:00', 7.25),
          (5, 3, 'shipped',   '2024-02-10T08:00:00', 99.99);

        CREATE TABLE scores (player TEXT, points INTEGER);
        INSERT INTO scores VALUES ('a', 50), ('b', 40), ('c', 40), ('d', 30), ('e', 20);
        """;

    /// <summary>A SQL card on the shop dataset; <paramref name="frontMatter"/> adds keys, <paramref name="sections"/> adds sections.</summary>
    public static string Card(string id, string reference, string frontMatter = "", string sections = "") => $"""
        ---
        id: {id}
        kind: sql
        topic: sql-basics
        week: 1
        difficulty: easy
        dataset: shop
        {frontMatter}
        ---

        ## Question

        Answer the question about the shop.

        ## Reference

        ```sql
        {reference}
        ```

        ## Hint

        Think about joins.

        ## Explanation

        Because.
        {sections}
        """;

    public static SqlSandbox Sandbox(SqlPracticeOptions? options = null) => new(Options.Create(options ?? new SqlPracticeOptions()));

    public static Dataset ShopDataset(TempContentFolder folder)
    {
        folder.Write("datasets/shop.sql", Shop);
        return new DatasetLibrary(NullLogger<DatasetLibrary>.Instance).Get(folder.ContentDirectory, "shop");
    }

    public static Card Parse(string relativePath, string text)
    {
        var result = new CardParser().Parse(relativePath, text);
        return result.Card ?? throw new InvalidOperationException(string.Join('\n', result.Problems));
    }
}
