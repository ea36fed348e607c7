using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;

namespace PrepBot.Benchmarks;

/// <summary>Loading and validating a deck of 5,000 generated cards (all four kinds), cold parse of every file.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ContentBenchmarks
{
    public const int CardCount = 5_000;
    private DirectoryInfo _folder = null!;
    private ContentChecker _checker = null!;
    private CardCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("prepbot-bench-cards-");
        for (var i = 0; i < CardCount; i++)
        {
            var (kind, body) = (i % 4) switch
            {
                0 => ("concept", Concept),
                1 => ("sql", Sql),
                2 => ("design", Design),
                _ => ("behavioral", Behavioral),
            };
            var folder = Path.Combine(_folder.FullName, kind, string.Create(CultureInfo.InvariantCulture, $"week-{(i % 16) + 1:D2}"));
            Directory.CreateDirectory(folder);
            var id = string.Create(CultureInfo.InvariantCulture, $"{kind}-generated-{i:D5}");
            var text = string.Create(CultureInfo.InvariantCulture, $"""
                ---
                id: {id}
                kind: {kind}
                title: Generated card {i}
                topic: topic-{i % 40}
                week: {(i % 16) + 1}
                difficulty: {(i % 3 == 0 ? "easy" : i % 3 == 1 ? "medium" : "hard")}
                tags: [generated, bench]
                {(kind == "sql" ? "dataset: ecommerce" : string.Empty)}
                ---

                {body}
                """);
            File.WriteAllText(Path.Combine(folder, id + ".md"), text);
        }

        var parser = new CardParser();
        _checker = new ContentChecker(parser);
        _catalog = new CardCatalog(parser, Options.Create(new ContentOptions { Directory = _folder.FullName }), NullLogger<CardCatalog>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => _folder.Delete(recursive: true);

    [Benchmark(Description = "content check: 5,000 cards")]
    public int Check() => _checker.Check(_folder.FullName).Cards.Count;

    [Benchmark(Description = "catalog full load: 5,000 cards")]
    public int LoadCatalog()
    {
        _catalog.LoadAll();
        return _catalog.Cards.Count;
    }

    private const string Concept = """
        ## Question

        Which storage layout suits **scans over a few columns** of many rows?

        ## Choices

        - [ ] Row-oriented pages tuned for single-row updates
        - [x] Column-oriented files with per-column compression
        - [ ] A key-value store keyed by primary key

        ## Hint

        Think about which bytes a `SUM(amount)` has to read.

        ## Explanation

        Column stores read only the columns a query touches and compress each column well.
        """;

    private const string Sql = """
        ## Question

        Revenue per month, oldest first, with columns `month` and `revenue`.

        ## Hint

        `strftime('%Y-%m', ...)` gives the month.

        ## Reference

        ```sql
        SELECT strftime('%Y-%m', o.ordered_at) AS month, SUM(oi.quantity * oi.unit_price) AS revenue
        FROM orders o JOIN order_items oi ON oi.order_id = o.id
        GROUP BY month
        ORDER BY month;
        ```

        ## Explanation

        Group by the month string; ISO timestamps sort in time order.
        """;

    private const string Design = """
        ## Prompt

        Design a pipeline that turns web server logs into a daily report by 07:00.

        ## Rubric

        - [ ] Lands raw logs unchanged in object storage, partitioned by date
        - [ ] Makes each daily run idempotent (overwrite the day's partition)
        - [ ] Handles late files with a bounded reprocessing window
        - [ ] Checks row counts and nulls before publishing

        ## Reference answer

        Ship logs to object storage, parse them with a daily batch job into Parquet partitioned by
        date, and build the report table by overwriting the day's partition.

        | stage | tool |
        | --- | --- |
        | land | object storage |
        | transform | Spark |

        ## Follow-ups

        - How would you backfill a month?
        - What if the report must be hourly?
        """;

    private const string Behavioral = """
        ## Prompt

        Tell me about a time a pipeline you owned failed in production.

        ## Competencies

        - Ownership
        - Communication

        ## What good looks like

        A specific incident, what the candidate personally did, a measured result, and a lasting fix.

        ## Follow-ups

        - What would you do differently?
        - How did you tell the people who used the data?
        """;
}
