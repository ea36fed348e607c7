using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace PrepBot.Data;

/// <summary>
/// One writer for the small writes of many concurrent callers (group commit). Stores hand it a write; the writes waiting
/// when it is free run one after another in ONE transaction (each inside its own savepoint) and are committed together,
/// so a burst of 200 learners costs a few commits (and, with <c>Data:Synchronous=Full</c>, a few fsyncs) instead of 200
/// commits fighting over SQLite's write lock with <c>busy_timeout</c> sleeps on thread-pool threads.
/// <list type="bullet">
/// <item>A caller's task completes only after the commit that holds its write has returned: its write is durable at the
/// configured <c>Synchronous</c> level before it can answer anyone.</item>
/// <item>A write that throws is rolled back to its savepoint and its exception goes to its own caller only; the others of
/// the batch still commit. A failed commit fails every caller of that batch (none of their writes happened).</item>
/// <item>A caller that cancels before its write starts is cancelled and its write never runs.</item>
/// <item>On PostgreSQL a batch whose connection is lost is run again from its start (<see cref="StoreCommand.RunAsync"/>),
/// also when its commit may have landed: a write must be safe to run twice (find-or-insert, <c>ON CONFLICT DO NOTHING</c>).</item>
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

        // Its own thread: SQLite's calls block (fsync, the write lock), and must not take a thread-pool thread from the
        // gateway and REST code the rest of the burst needs.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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

    /// <summary>
    /// The writer's thread. It blocks on purpose: SQLite's "async" calls complete synchronously, so the whole batch runs
    /// here rather than hopping onto the thread pool.
    /// </summary>
    /// <summary>Lets the writes already queued finish, then stops (for containers disposed synchronously).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
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

            if (batch.Count > 0)
            {
                try
                {
                    RunBatchAsync(batch).GetAwaiter().GetResult();
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
        }
    }

    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);

            // Each write has its own savepoint (RunOneAsync); EF's own around every SaveChanges would be a second one, two more
            // round trips per write on PostgreSQL. Set back before the context returns to the pool.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await StoreCommand.RunAsync(
                db,
                async ct =>
                {
                    // A retry (PostgreSQL, after a lost connection) runs the whole batch again in a new transaction: each
                    // write starts afresh and only the last attempt's outcome reaches its caller.
                    db.ChangeTracker.Clear();
                    foreach (var pending in batch)
                    {
                        pending.Reset();
                    }

                    await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    foreach (var pending in batch)
                    {
                        await RunOneAsync(db, transaction, pending).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                },
                CancellationToken.None).ConfigureAwait(false);
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

    private static async Task RunOneAsync(PrepBotDbContext db, IDbContextTransaction transaction, PendingWrite pending)
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
            // PostgreSQL chose this transaction as a deadlock's victim (two processes' batches enrolling the same people in
            // different orders): the whole batch runs again, as after a lost connection (RunBatchAsync's execution strategy).
            throw;
        }
        catch (Exception ex)
        {
            // Undo this write only (on PostgreSQL this also clears the transaction's failed state, so the rest of the batch
            // goes on). If even that fails, the transaction is gone (a lost connection): the whole batch fails, or is run
            // again when the write's own error says the connection was lost (RunBatchAsync's execution strategy).
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

        public override void Reset()
        {
            _result = default!;
            _error = null;
        }

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
