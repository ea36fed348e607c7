using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Benchmarks;

/// <summary>Recording one review, and fetching one learner's due queue, with 1,000,000 card states stored.</summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes it.")]
public class ReviewBenchmarks
{
    private readonly int[] _versions = new int[LargeReviewDatabase.Learners * LargeReviewDatabase.CardsPerLearner];
    private string _path = null!;
    private ReviewStore _store = null!;
    private FakeTimeProvider _time = null!;
    private WalCheckpointer _checkpointer = null!;
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
        using (var db = factory.CreateDbContext())
        {
            _ = db.CardStates.Count(); // warm the file cache and EF's model
        }

        // As in the bot: the WAL is checkpointed in the background every 5 s, never by a commit.
        _checkpointer = new WalCheckpointer(factory, Options.Create(new DataOptions()), TimeProvider.System, NullLogger<WalCheckpointer>.Instance);
        _checkpointer.StartAsync(default).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _checkpointer.StopAsync(default).GetAwaiter().GetResult();
        _checkpointer.Dispose();
        LargeReviewDatabase.Delete(_path);
    }

    /// <summary>An SM-2 learner's grade (an odd learner id): SM-2 dates the card, the FSRS memory is updated beside it.</summary>
    [Benchmark(Description = "Record one review, SM-2 learner (1M card states)")]
    public Task<ReviewOutcome> RecordReview() => RecordAsync(even: false);

    /// <summary>An FSRS learner's grade (an even learner id, weights of their own): FSRS-6 dates the card.</summary>
    [Benchmark(Description = "Record one review, FSRS learner (1M card states)")]
    public Task<ReviewOutcome> RecordFsrsReview() => RecordAsync(even: true);

    private async Task<ReviewOutcome> RecordAsync(bool even)
    {
        // Walk learners and cards with a stride so consecutive grades hit different pages.
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

    [Benchmark(Description = "Due queue of one learner (1M card states)")]
    public async Task<IReadOnlyList<DueCard>> DueQueue()
    {
        var learner = (_next++ % LargeReviewDatabase.Learners) + 1;
        return await _store.GetDueAsync(learner, LargeReviewDatabase.Now, 50, default);
    }
}
