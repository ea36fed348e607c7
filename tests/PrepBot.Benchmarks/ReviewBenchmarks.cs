using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Learning;

namespace PrepBot.Benchmarks;

/// <summary>Recording one review, and fetching one learner's due queue, with 1,000,000 card states stored.</summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private readonly int[] _versions = new int[LargeReviewDatabase.Learners * LargeReviewDatabase.CardsPerLearner];
    private string _path = null!;
    private ReviewStore _store = null!;
    private FakeTimeProvider _time = null!;
    private int _next;

    /// <summary>SQLite <c>synchronous</c>: Full (the default, survives power loss) or Normal.</summary>
    [Params("Full", "Normal")]
    public string Synchronous { get; set; } = "Full";

    [GlobalSetup]
    public void Setup()
    {
        (_path, var factory) = LargeReviewDatabase.OpenCopyAsync(Synchronous).GetAwaiter().GetResult();
        _time = new FakeTimeProvider(LargeReviewDatabase.Now);
        _store = new ReviewStore(factory, _time);
        Array.Fill(_versions, 3);
        using var db = factory.CreateDbContext();
        _ = db.CardStates.Count(); // warm the file cache and EF's model
    }

    [GlobalCleanup]
    public void Cleanup() => LargeReviewDatabase.Delete(_path);

    [Benchmark(Description = "Record one review (1M card states)")]
    public async Task<ReviewOutcome> RecordReview()
    {
        // Walk learners and cards with a stride so consecutive grades hit different pages.
        var slot = (int)((_next++ * 7919L) % _versions.Length);
        var learner = (slot / LargeReviewDatabase.CardsPerLearner) + 1;
        var card = LargeReviewDatabase.CardId(slot % LargeReviewDatabase.CardsPerLearner);
        var outcome = await _store.RecordAsync(learner, card, _versions[slot], 4, TimeZoneInfo.Utc, default);
        _versions[slot]++;
        return outcome;
    }

    [Benchmark(Description = "Due queue of one learner (1M card states)")]
    public async Task<IReadOnlyList<DueCard>> DueQueue()
    {
        var learner = (_next++ % LargeReviewDatabase.Learners) + 1;
        return await _store.GetDueAsync(learner, LargeReviewDatabase.Now, 50, default);
    }
}
