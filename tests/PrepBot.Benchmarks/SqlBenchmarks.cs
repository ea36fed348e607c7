using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Features.SqlPractice;

namespace PrepBot.Benchmarks;

/// <summary>
/// A SQL card on a generated 5,000-row dataset (200 customers, 5,000 orders), graded the way a submission is: the
/// learner's query on a fresh copy of the dataset, compared with the (cached) reference result.
/// </summary>
internal sealed class SqlBenchmarkSetup : IDisposable
{
    public const int Orders = 5_000;
    public const int Customers = 200;

    private const string Reference = """
        SELECT c.id AS customer_id, c.name, COUNT(*) AS orders, ROUND(SUM(o.amount), 2) AS spent
        FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
        WHERE o.status <> 'cancelled'
        GROUP BY c.id, c.name
        HAVING COUNT(*) >= 20
        ORDER BY spent DESC, customer_id
        """;

    /// <summary>A correct answer written differently: a CTE and a window function instead of a join and HAVING.</summary>
    public const string Answer = """
        WITH kept AS (
          SELECT customer_id, amount, COUNT(*) OVER (PARTITION BY customer_id) AS n
          FROM orders WHERE status <> 'cancelled')
        SELECT k.customer_id, (SELECT name FROM customers WHERE id = k.customer_id), COUNT(*), ROUND(SUM(k.amount), 2)
        FROM kept AS k WHERE k.n >= 20
        GROUP BY k.customer_id
        ORDER BY 4 DESC, 1
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("prepbot-bench-sql-");

    public SqlBenchmarkSetup()
    {
        var content = Path.Combine(_folder.FullName, "content");
        Directory.CreateDirectory(Path.Combine(content, "datasets"));
        File.WriteAllText(Path.Combine(content, "datasets", "bench.sql"), Script());
        var card = new CardParser().Parse("sql/bench.md", $"""
            ---
            id: sql-bench
            kind: sql
            topic: sql-aggregation
            week: 1
            difficulty: easy
            dataset: bench
            ordered: true
            ---

            ## Question

            Customers with at least 20 non-cancelled orders and what they spent.

            ## Reference

            ```sql
            {Reference}
            ```
            """).Card ?? throw new InvalidOperationException("The benchmark card does not parse.");
        Card = card;
        var options = Options.Create(new SqlPracticeOptions());
        var catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = content }), NullLogger<CardCatalog>.Instance);
        Grader = new SqlGrader(new DatasetLibrary(NullLogger<DatasetLibrary>.Instance), new SqlSandbox(options), catalog);
        var verdict = Grader.Grade(Card, Answer);
        if (!verdict.IsAccepted)
        {
            throw new InvalidOperationException("The benchmark answer is not accepted: " + verdict.Feedback);
        }
    }

    public Card Card { get; }

    public SqlGrader Grader { get; }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Script()
    {
        var random = new Random(20240630);
        string[] statuses = ["delivered", "delivered", "delivered", "shipped", "cancelled"];
        var script = new StringBuilder("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT);\n");
        for (var i = 1; i <= Customers; i++)
        {
            script.Append(CultureInfo.InvariantCulture, $"INSERT INTO customers VALUES ({i}, 'Customer {i}', '{(i % 3 == 0 ? "GB" : "DE")}');\n");
        }

        script.Append("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, status TEXT NOT NULL, ordered_at TEXT NOT NULL, amount REAL NOT NULL);\n");
        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 1; i <= Orders; i++)
        {
            var at = start.AddMinutes(i * 150 + random.Next(100));
            script.Append(CultureInfo.InvariantCulture,
                $"INSERT INTO orders VALUES ({i}, {random.Next(1, Customers + 1)}, '{statuses[random.Next(statuses.Length)]}', '{at:yyyy-MM-ddTHH:mm:ss}', {Math.Round(random.NextDouble() * 200, 2)});\n");
        }

        return script.ToString();
    }
}

/// <summary>Latency of grading one submission: p50 and p99 of single gradings (targets: under 5 ms and 20 ms).</summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes it.")]
public class SqlGradingBenchmarks
{
    private SqlBenchmarkSetup _setup = null!;

    [GlobalSetup]
    public void Setup() => _setup = new SqlBenchmarkSetup();

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();

    [Benchmark(Description = "Grade one query, 5,000-row dataset, fresh copy")]
    public SqlVerdict GradeOne() => _setup.Grader.Grade(_setup.Card, SqlBenchmarkSetup.Answer);
}

/// <summary>Grading throughput with two submissions graded at once (the build machine has 2 cores).</summary>
[Config(typeof(Config))]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes it.")]
public class SqlThroughputBenchmarks
{
    public const int Submissions = 200;

    private SqlBenchmarkSetup _setup = null!;

    [GlobalSetup]
    public void Setup() => _setup = new SqlBenchmarkSetup();

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();

    [Benchmark(Description = "Grade 200 queries on 2 threads (per query)", OperationsPerInvoke = Submissions)]
    public void GradeInParallel() =>
        Parallel.For(0, Submissions, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ => _setup.Grader.Grade(_setup.Card, SqlBenchmarkSetup.Answer));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
