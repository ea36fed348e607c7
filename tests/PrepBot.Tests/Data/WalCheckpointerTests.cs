using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Data;

public sealed class WalCheckpointerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private WalCheckpointer _checkpointer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _checkpointer = new WalCheckpointer(_db.Factory, Options.Create(new DataOptions { CheckpointIntervalSeconds = 5 }), _time, NullLogger<WalCheckpointer>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _checkpointer.Dispose();
        await _db.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task GradeManyCardsAsync(int count)
    {
        var learner = await _db.AddLearnerAsync();
        var store = new ReviewStore(_db.Factory, _time);
        for (var i = 0; i < count; i++)
        {
            await store.RecordAsync(learner, $"card-{i}", 0, 4, TimeZoneInfo.Utc, Ct);
        }
    }

    [Fact]
    public async Task Commits_leave_checkpointing_to_the_checkpointer()
    {
        // SQLite checkpoints when the last connection closes (other tests clear the shared pool): keep one open.
        await using var keepOpen = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _db.Path, Pooling = false }.ToString());
        await keepOpen.OpenAsync(Ct);
        await using (var touch = keepOpen.CreateCommand())
        {
            touch.CommandText = "SELECT count(*) FROM sqlite_master;"; // joins the WAL: SQLite opens files lazily
            await touch.ExecuteScalarAsync(Ct);
        }

        await GradeManyCardsAsync(400); // well past SQLite's automatic 1,000-page checkpoint

        var result = await _checkpointer.CheckpointAsync(truncate: false, Ct);

        Assert.True(result.LogFrames > 1000, $"{result.LogFrames} frames were still in the WAL");
        Assert.Equal(result.LogFrames, result.CheckpointedFrames);
    }

    [Fact]
    public async Task Checkpoint_runs_when_the_interval_elapses()
    {
        await GradeManyCardsAsync(20);
        var checkpointed = new TaskCompletionSource<CheckpointResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _checkpointer.Checkpointed += (_, result) => checkpointed.TrySetResult(result);
        await _checkpointer.StartAsync(Ct);

        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await checkpointed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(result.CheckpointedFrames > 0);
        await _checkpointer.StopAsync(Ct);
    }

    [Fact]
    public async Task Stopping_truncates_the_wal()
    {
        await GradeManyCardsAsync(20);
        await _checkpointer.StartAsync(Ct);

        await _checkpointer.StopAsync(Ct);

        // SQLite deletes the WAL when the last connection closes (another test clearing the pools may do that at any
        // moment), so a file that is gone counts as empty.
        long walBytes;
        try
        {
            walBytes = new FileInfo(_db.Path + "-wal").Length;
        }
        catch (FileNotFoundException)
        {
            walBytes = 0;
        }

        Assert.True(walBytes == 0, $"the WAL still holds {walBytes} bytes");
    }
}
