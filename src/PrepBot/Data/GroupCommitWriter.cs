using System.Data;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace PrepBot.Data;

/// <summary>
/// One writer for the small writes of many concurrent callers (group commit). Stores hand it a write; the writes waiting
/// when it is free run one after another in ONE transaction and are committed together,
/// so a burst of 200 learners costs a few commits (and, with <c>Data:Synchronous=Full</c>, a few fsyncs) instead of 200
/// commits fighting over SQLite's write lock with <c>busy_timeout</c> sleeps on thread-pool threads.
/// <list type="bullet">
/// <item>A caller's task completes only after the commit that holds its write has returned: its write is durable at the
/// configured <c>Synchronous</c> level before it can answer anyone.</item>
/// <item>A write that throws goes to its own caller only; the others of the batch still commit. Writes run without savepoints
/// (on PostgreSQL a savepoint and its release are two more round trips per write, most of a burst's enrolment): when one
/// throws, the transaction is rolled back and the batch runs again without it, this time each write inside its own savepoint,
/// so a batch runs at most twice however many of its writes fail. A failed commit fails every caller of that batch (none of
/// their writes happened).</item>
/// <item>A caller that cancels before its write starts is cancelled and its write never runs.</item>
/// <item>On PostgreSQL a batch whose connection is lost is run again from its start (<see cref="StoreCommand.RunAsync"/>),
/// also when its commit may have landed; a batch is also run again after a write of it failed (above): a write must be safe to
/// run twice (find-or-insert, <c>ON CONFLICT DO NOTHING</c>) and only its last run's result reaches its caller.</item>
/// </list>
/// Writes must be short and touch only the context they are given (no other connection: it would wait for this one's lock).
/// </summary>
public sealed partial class GroupCommitWriter : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many writes per transaction, so one commit never holds the write lock for long.</summary>
    public const int MaxBatch = 256;

    private readonly IDbContextFactory<PrepBotDbContext> _contexts;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _batches;

    public GroupCommitWriter(IDbContextFactory<PrepBotDbContext> contexts, ILogger<GroupCommitWriter> logger)
    {
        _contexts = contexts;
        _logger = logger;

        using var probe = contexts.CreateDbContext();
        _loop = StoreCommand.Dialect(probe) == SqlDialect.Postgres
            // Network I/O: each statement's reply continues the batch on the thread-pool thread it arrives on. Blocking a
            // thread of its own on every reply would cost two more thread switches per statement (the pool thread that
            // completes the read wakes the writer's thread), and on a burst of new learners those switches are most of the
            // bot's CPU beyond SQLite's.
            ? Task.Run(RunAsync)
            // Its own thread: SQLite's calls block (fsync, the write lock), and must not take a thread-pool thread from the
            // gateway and REST code the rest of the burst needs.
            : Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Transactions committed so far (a batch of one write is one).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Test seam: runs after a batch is committed and before its callers are answered (e.g. to stand for a crash there).</summary>
    internal Func<Task>? AfterCommit { get; set; }

    /// <summary>
    /// Runs <paramref name="write"/> in the next batch and returns its result once that batch is committed. The write gets
    /// the batch's context (inside its transaction and savepoint) and must not keep entities tracked across calls.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<PrepBotDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The database writer has stopped (the bot is shutting down).");
        }

        return pending.Task;
    }

    /// <summary>Lets the writes already queued finish, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Lets the writes already queued finish, then stops (for containers disposed synchronously).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The writer's thread on SQLite. It blocks on purpose: SQLite's "async" calls complete synchronously, so the whole batch
    /// runs here rather than hopping onto the thread pool.
    /// </summary>
    private void Run()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            RunQueuedAsync(batch).GetAwaiter().GetResult();
        }
    }

    /// <summary>The writer on PostgreSQL: a loop on the thread pool, one batch at a time.</summary>
    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await RunQueuedAsync(batch).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the writes waiting (at most <see cref="MaxBatch"/>) and runs them as one batch.</summary>
    private async Task RunQueuedAsync(List<PendingWrite> batch)
    {
        batch.Clear();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
        {
            if (!pending.TryStart())
            {
                continue;
            }

            batch.Add(pending);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await RunBatchAsync(batch).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Never leave a caller waiting, nor stop the writer: the next batch runs as usual.
            LogBatchFailed(ex, batch.Count);
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }
        }
    }

    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);

            // Savepoints are PrepBot's (RunOneGuardedAsync, after a failure); EF's own around every SaveChanges would be two
            // more round trips per write on PostgreSQL. Set back before the context returns to the pool.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                var guarded = false;
                while (!await RunAttemptAsync(db, batch, guarded).ConfigureAwait(false))
                {
                    // A write failed on its own and the transaction was rolled back: the rest run again, each in its savepoint.
                    guarded = true;
                }
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch was committed: every caller whose own write went through is told so.
            LogBatchFailed(ex, batch.Count);
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }

        Interlocked.Increment(ref _batches);
        if (AfterCommit is { } afterCommit)
        {
            await afterCommit().ConfigureAwait(false);
        }

        foreach (var pending in batch)
        {
            pending.Complete();
        }
    }

    /// <summary>
    /// One attempt at the batch in one transaction (run again by the execution strategy after a lost connection). False when a
    /// write failed on its own in an unguarded attempt: its caller has its error and the transaction was rolled back.
    /// </summary>
    private static Task<bool> RunAttemptAsync(PrepBotDbContext db, List<PendingWrite> batch, bool guarded) =>
        StoreCommand.RunAsync(
            db,
            async ct =>
            {
                // Each attempt starts afresh and only the last attempt's outcome reaches a caller; a write that failed on its own
                // is not run again.
                db.ChangeTracker.Clear();
                foreach (var pending in batch)
                {
                    pending.Reset();
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    if (pending.FailedOnItsOwn)
                    {
                        continue;
                    }

                    if (guarded)
                    {
                        await RunOneGuardedAsync(db, transaction, pending).ConfigureAwait(false);
                    }
                    else if (!await RunOneAsync(db, transaction, pending).ConfigureAwait(false))
                    {
                        return false;
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return true;
            },
            CancellationToken.None);

    /// <summary>Runs one write with no savepoint; on its own failure rolls the whole transaction back and returns false.</summary>
    private static async Task<bool> RunOneAsync(PrepBotDbContext db, IDbContextTransaction transaction, PendingWrite pending)
    {
        try
        {
            await pending.RunAsync(db).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (!StoreCommand.IsTransactionConflict(ex) && db.Database.GetDbConnection().State == ConnectionState.Open)
        {
            // A lost connection, or a deadlock's victim (two processes' batches enrolling the same people in different orders),
            // is the batch's failure, not the write's: the execution strategy runs the whole batch again. If even the rollback
            // fails, the transaction is gone too: the same.
            try
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
            }
            catch (Exception rollbackError) when (rollbackError is not OutOfMemoryException)
            {
                ExceptionDispatchInfo.Throw(ex);
            }

            pending.SetOwnError(ex);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Runs one write inside its own savepoint: on its own failure only that write is undone and the batch goes on.</summary>
    private static async Task RunOneGuardedAsync(PrepBotDbContext db, IDbContextTransaction transaction, PendingWrite pending)
    {
        const string Savepoint = "groupcommit_write";
        await transaction.CreateSavepointAsync(Savepoint).ConfigureAwait(false);
        try
        {
            await pending.RunAsync(db).ConfigureAwait(false);
            await transaction.ReleaseSavepointAsync(Savepoint).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreCommand.IsTransactionConflict(ex))
        {
            // PostgreSQL chose this transaction as a deadlock's victim: the whole batch runs again (the execution strategy).
            throw;
        }
        catch (Exception ex)
        {
            // Undo this write only (on PostgreSQL this also clears the transaction's failed state, so the rest of the batch
            // goes on). If even that fails, the transaction is gone (a lost connection): as in RunOneAsync.
            try
            {
                await transaction.RollbackToSavepointAsync(Savepoint).ConfigureAwait(false);
                await transaction.ReleaseSavepointAsync(Savepoint).ConfigureAwait(false);
            }
            catch (Exception rollbackError) when (rollbackError is not OutOfMemoryException)
            {
                ExceptionDispatchInfo.Throw(ex);
            }

            pending.SetOwnError(ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} database writes failed to commit; each caller was told")]
    private partial void LogBatchFailed(Exception exception, int count);

    private abstract class PendingWrite
    {
        /// <summary>The write threw on its own in an earlier attempt: its caller gets that error and it is not run again.</summary>
        public abstract bool FailedOnItsOwn { get; }

        public abstract bool TryStart();

        public abstract void Reset();

        public abstract Task RunAsync(PrepBotDbContext db);

        public abstract void SetOwnError(Exception exception);

        public abstract void Fail(Exception exception);

        public abstract void Complete();
    }

    private sealed class PendingWrite<T>(Func<PrepBotDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _error;

        public Task<T> Task => _completion.Task;

        /// <summary>False (and the caller cancelled) when the caller gave up before its write began.</summary>
        public override bool TryStart()
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                return true;
            }

            _completion.TrySetCanceled(cancellationToken);
            return false;
        }

        public override bool FailedOnItsOwn => _error is not null;

        public override void Reset() => _result = default!;

        // Once started, a write runs to its end: cancelling it halfway would leave the caller unsure whether it happened.
        public override async Task RunAsync(PrepBotDbContext db) => _result = await write(db, CancellationToken.None).ConfigureAwait(false);

        public override void SetOwnError(Exception exception) => _error = exception;

        public override void Fail(Exception exception) => _completion.TrySetException(_error ?? exception);

        public override void Complete()
        {
            if (_error is not null)
            {
                _completion.TrySetException(_error);
            }
            else
            {
                _completion.TrySetResult(_result);
            }
        }
    }
}
