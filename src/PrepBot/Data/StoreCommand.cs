using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PrepBot.Data;

/// <summary>The database engine a context talks to, for the few statements that differ between SQLite and PostgreSQL.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// What a store's hand-written SQL needs to run on either engine. Write the SQL once for both where it can be: identifiers in
/// double quotes (<c>"CardStates"."LearnerId"</c>; PostgreSQL folds unquoted names to lower case), parameters as <c>@name</c>
/// (both providers accept it), <c>INSERT … ON CONFLICT … DO NOTHING / DO UPDATE</c> (both), <c>CASE WHEN … THEN 1 ELSE 0 END</c>
/// rather than summing a comparison, <c>LOWER(x)</c> rather than <c>COLLATE NOCASE</c>, days bound as <see cref="DateOnly"/>
/// (SQLite stores <c>yyyy-MM-dd</c> text, PostgreSQL a <c>date</c>), instants as Unix milliseconds (<see cref="StorageEncoding"/>)
/// on both. Branch on <see cref="Dialect(PrepBotDbContext)"/> only for what cannot be shared.
/// </summary>
internal static class StoreCommand
{
    /// <summary>The engine behind <paramref name="db"/>.</summary>
    public static SqlDialect Dialect(PrepBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? SqlDialect.Postgres : SqlDialect.Sqlite;
    }

    /// <summary>The context's connection, opened through EF Core (so SQLite gets PrepBot's pragmas, see <see cref="SqlitePragmas"/>).</summary>
    public static async Task<DbConnection> OpenConnectionAsync(PrepBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return db.Database.GetDbConnection();
    }

    /// <summary>
    /// Begins a transaction whose reads and writes see no other writer of the same scope in between. SQLite: <c>BEGIN IMMEDIATE</c>
    /// (the write lock of the whole file, as every store did before). PostgreSQL: a read-committed transaction that first takes
    /// the transaction-level advisory lock of (<paramref name="scope"/>, <paramref name="key"/>) — writers of the same learner
    /// (or claim, or guild) queue on it; others go on in parallel. The lock ends with the transaction.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, LockScope scope, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await using var command = Create(connection, transaction, "SELECT pg_advisory_xact_lock(@scope, @key)", ("@scope", (int)scope), ("@key", Fold(key)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>
    /// As <see cref="BeginWriteAsync"/>, but on PostgreSQL the advisory lock is not taken yet: the caller puts
    /// <see cref="LockStatement"/> first in the transaction's first command (with <see cref="LockParameters"/>), so taking the lock
    /// and the first reads cost one round trip. On SQLite the lock is <c>BEGIN IMMEDIATE</c>, taken here; the statement is empty.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteLockingInFirstCommandAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The statement that takes the write lock of <see cref="BeginWriteLockingInFirstCommandAsync"/> on PostgreSQL (it returns one
    /// row, one empty column: skip that result); empty on SQLite.
    /// </summary>
    public static string LockStatement(DbConnection connection) =>
        connection is NpgsqlConnection ? "SELECT pg_advisory_xact_lock(@lockScope, @lockKey);\n" : string.Empty;

    /// <summary>The parameters of <see cref="LockStatement"/> for (<paramref name="scope"/>, <paramref name="key"/>).</summary>
    public static (string Name, object? Value)[] LockParameters(LockScope scope, long key) => [("@lockScope", (int)scope), ("@lockKey", Fold(key))];

    /// <summary>
    /// Begins a read-only transaction whose statements all see one moment, taking no write lock: SQLite <c>BEGIN DEFERRED</c>
    /// (a read snapshot of the WAL), PostgreSQL <c>REPEATABLE READ</c> (one snapshot for the whole transaction).
    /// </summary>
    public static async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the PostgreSQL advisory lock of (<paramref name="scope"/>, <paramref name="key"/>) for the rest of the transaction
    /// EF Core began on <paramref name="db"/> (a no-op on SQLite, where EF's transaction is <c>BEGIN IMMEDIATE</c> already).
    /// </summary>
    public static async Task LockAsync(PrepBotDbContext db, LockScope scope, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Dialect(db) == SqlDialect.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({(int)scope}, {Fold(key)})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one unit of work (open, begin, read, write, commit) under the context's execution strategy: on PostgreSQL a lost or
    /// reset connection is retried from the start of the unit (<c>EnableRetryOnFailure</c>), on SQLite it runs once. The unit
    /// must be safe to run again after a failure whose commit is unknown: the stores make it so with their version checks and
    /// unique keys (a grade re-run after its commit landed finds its version taken and reports a duplicate, never a second count).
    /// Every public store operation that begins a transaction goes through here.
    /// </summary>
    public static Task<T> RunAsync<T>(PrepBotDbContext db, Func<CancellationToken, Task<T>> unitOfWork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(unitOfWork, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a unit of work with no result.</summary>
    public static Task RunAsync(PrepBotDbContext db, Func<CancellationToken, Task> unitOfWork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(unitOfWork, cancellationToken);
    }

    /// <summary>A command on <paramref name="transaction"/>'s connection; a null value is bound as SQL NULL.</summary>
    public static DbCommand Create(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return Create(transaction.Connection!, transaction, sql, parameters);
    }

    /// <summary>A command on <paramref name="connection"/> (in <paramref name="transaction"/> when given); a null value is bound as SQL NULL.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or an exception inside it, as in EF Core's <c>DbUpdateException</c>) is a unique or
    /// primary-key violation: SQLite's constraint error 19 (as the stores always caught it), PostgreSQL's SQLSTATE 23505.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: 19 } || current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> (or one inside it) is PostgreSQL giving up on the transaction because it collided
    /// with another one: a deadlock (40P01) or a serialization failure (40001). The whole unit of work is to be run again
    /// (<see cref="RunAsync{T}"/>'s strategy retries both), not reported as the statement's own failure.
    /// </summary>
    public static bool IsTransactionConflict(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A 64-bit key folded to the 32 bits of the two-key advisory lock (equal keys fold equal; a collision only queues two writers).</summary>
    private static int Fold(long key) => unchecked((int)(key ^ (key >> 32)));
}

/// <summary>The first key of a PostgreSQL advisory lock: what the second key (<see cref="StoreCommand.BeginWriteAsync"/>) names.</summary>
public enum LockScope
{
    /// <summary>One learner's cards, log, study days and scheduling profile.</summary>
    Learner = 1,

    /// <summary>The reminder claims (key 0: all of them).</summary>
    Reminders = 2,

    /// <summary>One guild's daily post and settings.</summary>
    Guild = 3,

    /// <summary>One Discord identify bucket (<c>shard_id % max_concurrency</c>), held across processes.</summary>
    Identify = 5,
}
