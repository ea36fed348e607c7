using PrepBot.Data;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Data;

/// <summary>
/// The pieces a store's hand-written SQL shares between the engines, on both. The pattern for every store test: an abstract
/// base holding the tests and taking the engine, one sealed class per engine (the PostgreSQL one in the PostgreSQL collection).
/// </summary>
public abstract class StoreCommandTests(TestEngine engine, PostgresServer? server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_row_with_the_same_key_is_a_unique_violation_on_either_engine()
    {
        await using var database = await TestDatabase.CreateAsync(engine, server);
        var learner = await database.AddLearnerAsync("ada");
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var connection = await StoreCommand.OpenConnectionAsync(db, Ct);
        const string Insert = "INSERT INTO \"LeaderboardOptOuts\" (\"LearnerId\", \"OptedOutAt\") VALUES (@learner, @at)";
        await using (var first = StoreCommand.Create(connection, null, Insert, ("@learner", learner), ("@at", 1L)))
        {
            Assert.Equal(1, await first.ExecuteNonQueryAsync(Ct));
        }

        await using var second = StoreCommand.Create(connection, null, Insert, ("@learner", learner), ("@at", 2L));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => second.ExecuteNonQueryAsync(Ct));

        Assert.True(StoreCommand.IsUniqueViolation(error), error.ToString());
        Assert.False(StoreCommand.IsUniqueViolation(new InvalidOperationException("no", new TimeoutException())));
        Assert.Equal(engine == TestEngine.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite, StoreCommand.Dialect(db));
    }
}

public sealed class SqliteStoreCommandTests() : StoreCommandTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresStoreCommandTests(PostgresServer server) : StoreCommandTests(TestEngine.Postgres, server);
