using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Data.Postgres;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Data;

/// <summary>Group commit on both engines: on PostgreSQL a failed statement aborts the transaction unless its savepoint is rolled back.</summary>
public abstract class GroupCommitWriterTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private GroupCommitWriter _writer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = engine == TestEngine.Postgres ? await TestDatabase.CreatePostgresAsync(server!) : await TestDatabase.CreateAsync("Full");
        _writer = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_queued_while_the_writer_is_busy_are_committed_together_each_caller_getting_its_own_result()
    {
        var release = await HoldTheWriterAsync();
        var writes = new[] { "ada", "grace", "linus" }.Select(name => _writer.WriteAsync((db, ct) => InsertLearnerAsync(db, name, ct), Ct)).ToList();

        release();
        var ids = await Task.WhenAll(writes);

        Assert.Equal(2, _writer.Batches); // the holding write, then the three together
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(["ada", "grace", "linus"], await LearnerNamesAsync());
    }

    [Fact]
    public async Task A_failing_write_is_reported_to_its_own_caller_only_and_the_rest_of_its_batch_commits()
    {
        var release = await HoldTheWriterAsync();
        int beforeRuns = 0, afterRuns = 0;
        var before = _writer.WriteAsync(
            (db, ct) =>
            {
                Interlocked.Increment(ref beforeRuns);
                return InsertLearnerAsync(db, "ada", ct);
            },
            Ct);
        var failing = _writer.WriteAsync<long>(
            async (db, ct) =>
            {
                await InsertLearnerAsync(db, "half-done", ct);
                throw new InvalidOperationException("this write fails after writing a row");
            },
            Ct);
        var duplicate = _writer.WriteAsync((db, ct) => InsertLearnerAsync(db, "ada", ct), Ct); // the unique index refuses it
        var after = _writer.WriteAsync(
            (db, ct) =>
            {
                Interlocked.Increment(ref afterRuns);
                return InsertLearnerAsync(db, "grace", ct);
            },
            Ct);

        release();

        await before;
        await after;
        var own = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("this write fails after writing a row", own.Message);
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        Assert.Equal(2, _writer.Batches);
        Assert.Equal(["ada", "grace"], await LearnerNamesAsync()); // the failed write's own row was rolled back

        // Writes run without savepoints until one fails; the batch then runs once more with each write in its own savepoint,
        // so two failing writes cost one extra run, not one per failure.
        Assert.Equal(2, beforeRuns);
        Assert.Equal(1, afterRuns);
    }

    [Fact]
    public async Task A_caller_is_answered_only_after_its_batch_is_committed_so_a_crash_before_the_answer_loses_nothing()
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crash = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writer.AfterCommit = async () =>
        {
            committed.TrySetResult();
            await crash.Task; // the process "dies" here: the batch is committed, nobody has been answered
        };
        var learners = new LearnerStore(_db.Factory, _writer, _time);
        var enrolment = learners.GetOrCreateAsync(LearnerPlatforms.Discord, "4242", "ada", "Etc/UTC", Ct);

        await committed.Task;
        Assert.False(enrolment.IsCompleted);

        // After the restart, a new process on the same file finds the learner (and the same input again enrols nobody twice).
        var restarted = await _db.ReopenAsync();
        await using (var writer = new GroupCommitWriter(restarted.Factory, NullLogger<GroupCommitWriter>.Instance))
        {
            var again = await new LearnerStore(restarted.Factory, writer, _time).GetOrCreateAsync(LearnerPlatforms.Discord, "4242", "ada", "Etc/UTC", Ct);
            await using var db = await restarted.Factory.CreateDbContextAsync(Ct);
            Assert.Equal(1, await db.Learners.CountAsync(l => l.PlatformUserId == "4242", Ct));
            crash.SetResult();
            Assert.Equal((await enrolment).Id, again.Id);
        }

        await restarted.DisposeAsync();
    }

    [Fact]
    public async Task A_caller_that_gives_up_before_its_write_starts_writes_nothing()
    {
        var release = await HoldTheWriterAsync();
        using var giveUp = new CancellationTokenSource();
        var abandoned = _writer.WriteAsync((db, ct) => InsertLearnerAsync(db, "ada", ct), giveUp.Token);
        var kept = _writer.WriteAsync((db, ct) => InsertLearnerAsync(db, "grace", ct), Ct);

        await giveUp.CancelAsync();
        release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await kept;
        Assert.Equal(["grace"], await LearnerNamesAsync());
    }

    [Fact]
    public async Task Learners_arriving_together_are_enrolled_once_each_even_when_one_of_them_arrives_twice()
    {
        var learners = new LearnerStore(_db.Factory, _writer, _time);
        var release = await HoldTheWriterAsync();
        var first = learners.GetOrCreateAsync(LearnerPlatforms.Discord, "1", "ada", "Etc/UTC", Ct);
        var twice = learners.GetOrCreateAsync(LearnerPlatforms.Discord, "1", "ada", "Etc/UTC", Ct);
        var other = learners.GetOrCreateAsync(LearnerPlatforms.Discord, "2", "grace", "Etc/UTC", Ct);

        release();

        Assert.Equal((await first).Id, (await twice).Id);
        Assert.NotEqual((await first).Id, (await other).Id);
        Assert.Equal(["ada", "grace"], await LearnerNamesAsync());
    }

    /// <summary>Run by the engine's class only (see below).</summary>
    protected async Task A_batch_whose_connection_is_lost_runs_again_and_its_callers_are_answered_once_it_is_committedCore()
    {
        var options = new DbContextOptionsBuilder<PostgresPrepBotDbContext>()
            .UseNpgsql(_db.ConnectionString, o => o.EnableRetryOnFailure(3, TimeSpan.FromMilliseconds(10), ["57P01"]))
            .Options;
        await using var writer = new GroupCommitWriter(new RetryingFactory(options), NullLogger<GroupCommitWriter>.Instance);
        var attempts = 0;

        var ada = writer.WriteAsync(
            async (db, ct) =>
            {
                var id = await InsertLearnerAsync(db, "ada", ct);
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    // The server ends this connection mid-batch (a restart, a failover): the uncommitted row goes with it.
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pg_backend_pid())", ct);
                }

                return id;
            },
            Ct);
        var id = await ada;

        Assert.Equal(2, attempts);
        Assert.Equal(1, writer.Batches);
        Assert.Equal(["ada"], await LearnerNamesAsync());
        await using var check = await _db.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(id, (await check.Learners.SingleAsync(Ct)).Id);
    }

    private sealed class RetryingFactory(DbContextOptions<PostgresPrepBotDbContext> options) : IDbContextFactory<PrepBotDbContext>
    {
        public PrepBotDbContext CreateDbContext() => new PostgresPrepBotDbContext(options);
    }

    /// <summary>Starts a write that holds the writer until the returned action is called, so what is queued meanwhile forms one batch.</summary>
    private async Task<Action> HoldTheWriterAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _writer.WriteAsync(
            async (db, ct) =>
            {
                started.SetResult();
                await gate.Task;
                return 0;
            },
            Ct);
        await started.Task;
        return gate.SetResult;
    }

    private static async Task<long> InsertLearnerAsync(PrepBotDbContext db, string name, CancellationToken cancellationToken)
    {
        var learner = new Learner { Platform = LearnerPlatforms.Terminal, PlatformUserId = name, DisplayName = name, TimeZoneId = "Etc/UTC" };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(cancellationToken);
        return learner.Id;
    }

    private async Task<List<string>> LearnerNamesAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.Learners.OrderBy(l => l.DisplayName).Select(l => l.DisplayName).ToListAsync(Ct);
    }
}

public sealed class SqliteGroupCommitWriterTests() : GroupCommitWriterTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresGroupCommitWriterTests(PostgresServer server) : GroupCommitWriterTests(TestEngine.Postgres, server)
{
    /// <summary>PostgreSQL only: SQLite has no connection to lose; PostgreSQL's is retried from the batch's start.</summary>
    [Fact]
    public Task A_batch_whose_connection_is_lost_runs_again_and_its_callers_are_answered_once_it_is_committed() =>
        A_batch_whose_connection_is_lost_runs_again_and_its_callers_are_answered_once_it_is_committedCore();
}
