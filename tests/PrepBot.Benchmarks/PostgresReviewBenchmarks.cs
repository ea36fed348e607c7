using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Learning;

namespace PrepBot.Benchmarks;

/// <summary>
/// <see cref="ReviewBenchmarks"/> on PostgreSQL (issue 19's targets: p99 under 3 ms each at 1,000,000 card states). Needs
/// <c>PREPBOT_BENCH_POSTGRES</c>: <c>export PREPBOT_BENCH_POSTGRES="$(.ci/postgres-throwaway start)"</c>.
/// </summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup].")]
public class PostgresReviewBenchmarks
{
    private readonly int[] _versions = new int[LargeReviewDatabase.Learners * LargeReviewDatabase.CardsPerLearner];
    private string _database = null!;
    private ReviewStore _store = null!;
    private int _next;

    /// <summary><c>Data:Synchronous</c>: <c>Normal</c> (shipped) commits with <c>synchronous_commit=off</c>, <c>Full</c> waits for each flush.</summary>
    public string Synchronous { get; set; } = "Normal";

    [GlobalSetup]
    public void Setup()
    {
        (_database, var factory) = LargePostgresDatabase.OpenCopyAsync(Synchronous).GetAwaiter().GetResult();
        _store = new ReviewStore(factory, new FakeTimeProvider(LargeReviewDatabase.Now));
        Array.Fill(_versions, 3);
        using var db = factory.CreateDbContext();
        _ = db.CardStates.Count(); // warm the server's cache and EF's model
    }

    [GlobalCleanup]
    public void Cleanup() => LargePostgresDatabase.DropAsync(_database).GetAwaiter().GetResult();

    [Benchmark(Description = "PostgreSQL: record one review, SM-2 learner (1M card states)")]
    public Task<ReviewOutcome> RecordReview() => RecordAsync(even: false);

    [Benchmark(Description = "PostgreSQL: record one review, FSRS learner (1M card states)")]
    public Task<ReviewOutcome> RecordFsrsReview() => RecordAsync(even: true);

    [Benchmark(Description = "PostgreSQL: due queue of one learner (1M card states)")]
    public async Task<IReadOnlyList<DueCard>> DueQueue()
    {
        var learner = (_next++ % LargeReviewDatabase.Learners) + 1;
        return await _store.GetDueAsync(learner, LargeReviewDatabase.Now, 50, default);
    }

    private async Task<ReviewOutcome> RecordAsync(bool even)
    {
        // The same walk as ReviewBenchmarks: a stride so consecutive grades hit different pages.
        var slot = (int)((_next++ * 7919L) % _versions.Length);
        if ((((slot / LargeReviewDatabase.CardsPerLearner) + 1) % 2 == 0) != even)
        {
            slot = (slot + LargeReviewDatabase.CardsPerLearner) % _versions.Length;
        }

        var learner = (slot / LargeReviewDatabase.CardsPerLearner) + 1;
        var card = LargeReviewDatabase.CardId(slot % LargeReviewDatabase.CardsPerLearner);
        var outcome = await _store.RecordAsync(learner, card, _versions[slot], 4, TimeZoneInfo.Utc, default);
        _versions[slot]++;
        return outcome;
    }
}
