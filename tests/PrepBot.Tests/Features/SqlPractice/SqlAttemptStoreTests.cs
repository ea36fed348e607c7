using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.SqlPractice;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary>SQL attempts on both engines: tries count per card state, the first opening is remembered.</summary>
public abstract class SqlAttemptStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 18, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _db = null!;
    private SqlAttemptStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new SqlAttemptStore(_db.Factory, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task History_counts_the_queries_of_one_card_state_and_remembers_the_first_opening()
    {
        var ada = await _db.AddLearnerAsync("ada");
        await _store.AddAsync(ada, "sql-1", 1, SqlAttemptOutcome.Opened, string.Empty, hintUsed: false, Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _store.AddAsync(ada, "sql-1", 1, SqlAttemptOutcome.Opened, string.Empty, hintUsed: false, Ct);
        await _store.AddAsync(ada, "sql-1", 1, SqlAttemptOutcome.Rejected, "SELECT 1", hintUsed: true, Ct);
        await _store.AddAsync(ada, "sql-1", 1, SqlAttemptOutcome.Accepted, "SELECT 2", hintUsed: false, Ct);
        await _store.AddAsync(ada, "sql-1", 2, SqlAttemptOutcome.Rejected, "SELECT 3", hintUsed: false, Ct);

        var history = await _store.HistoryAsync(ada, "sql-1", 1, Ct);
        var steps = await _store.ListAsync(ada, "sql-1", Ct);

        Assert.Equal(new SqlAttemptHistory(2, Now), history);
        Assert.Equal(["", "", "SELECT 1", "SELECT 2", "SELECT 3"], steps.Select(s => s.Query));
        Assert.Equal([false, false, true, false, false], steps.Select(s => s.HintUsed));
    }
}

public sealed class SqliteSqlAttemptStoreTests() : SqlAttemptStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresSqlAttemptStoreTests(PostgresServer server) : SqlAttemptStoreTests(TestEngine.Postgres, server);
