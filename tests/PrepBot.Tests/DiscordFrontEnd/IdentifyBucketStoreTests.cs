using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data.Postgres;
using PrepBot.DiscordFrontEnd;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>
/// Identify pacing across processes: two <see cref="IdentifyBucketStore"/>s on one PostgreSQL database, each with its own
/// connection pool's worth of connections (as two processes would have), on one fake clock.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class IdentifyBucketStoreTests(PostgresServer server)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 18, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Identifies_of_one_bucket_are_five_seconds_apart_across_processes_and_other_buckets_go_together()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngine.Postgres, server);
        var clock = new FakeTimeProvider(Start);
        var first = Process(database, clock);
        var second = Process(database, clock);

        // max_concurrency 2: shards 0 and 2 share bucket 0, shards 1 and 3 bucket 1. Process one runs 0-1, process two 2-3.
        var identifies = new List<(int Shard, Task<DateTimeOffset> At)>
        {
            (0, IdentifyAsync(first, 0, 2, clock)),
            (2, IdentifyAsync(second, 2, 2, clock)),
            (1, IdentifyAsync(first, 1, 2, clock)),
            (3, IdentifyAsync(second, 3, 2, clock)),
        };

        // Without the clock moving, one shard of each bucket identifies at once.
        var pending = identifies.Select(i => (Task)i.At).ToList();
        var immediate = new List<Task>();
        while (immediate.Count < 2)
        {
            var done = await Task.WhenAny(pending).WaitAsync(Guard, Ct);
            pending.Remove(done);
            immediate.Add(done);
        }

        var immediateShards = identifies.Where(i => immediate.Contains(i.At)).Select(i => i.Shard % 2).Order().ToList();
        Assert.Equal([0, 1], immediateShards);

        // The other shard of each bucket waits for its bucket's 5 seconds on the clock.
        var deadline = DateTime.UtcNow + Guard;
        while (pending.Any(t => !t.IsCompleted))
        {
            Assert.True(DateTime.UtcNow < deadline, "the second identify of each bucket within the guard time");
            clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await Task.WhenAll(pending).WaitAsync(TimeSpan.FromMilliseconds(200), Ct);
            }
            catch (TimeoutException)
            {
                // Not yet: move the clock on.
            }
        }

        foreach (var bucket in new[] { 0, 1 })
        {
            var times = identifies.Where(i => i.Shard % 2 == bucket).Select(i => i.At.Result).Order().ToList();
            Assert.Equal(Start, times[0]);
            Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(5), $"bucket {bucket}: identifies at {times[0]:O} and {times[1]:O}");
            Assert.True(await first.LastIdentifyAsync(bucket, Ct) >= Start + TimeSpan.FromSeconds(5), $"bucket {bucket}: the recorded last identify");
        }
    }

    [Fact]
    public async Task A_process_that_starts_after_another_identified_waits_for_the_recorded_time()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngine.Postgres, server);
        var clock = new FakeTimeProvider(Start);
        await IdentifyAsync(Process(database, clock), 0, 1, clock).WaitAsync(Guard, Ct);
        clock.Advance(TimeSpan.FromSeconds(3));

        // A new process (a restart after a crash, say) knows nothing in memory: the database holds the bucket's last identify.
        var late = IdentifyAsync(Process(database, clock), 1, 1, clock);
        var deadline = DateTime.UtcNow + Guard;
        while (!late.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the late identify within the guard time");
            clock.Advance(TimeSpan.FromMilliseconds(500));
            try
            {
                await late.WaitAsync(TimeSpan.FromMilliseconds(200), Ct);
            }
            catch (TimeoutException)
            {
                // Not yet: move the clock on.
            }
        }

        Assert.True(await late >= Start + TimeSpan.FromSeconds(5), $"identified at {await late:O}");
    }

    private static IdentifyBucketStore Process(TestDatabase database, TimeProvider clock) =>
        new(PostgresDatabase.CreateFactory(database.ConnectionString!), clock, NullLogger<IdentifyBucketStore>.Instance);

    private static async Task<DateTimeOffset> IdentifyAsync(IdentifyBucketStore store, int shard, int maxConcurrency, TimeProvider clock)
    {
        await store.WaitToIdentifyAsync(shard, maxConcurrency, Ct);
        return clock.GetUtcNow();
    }
}
