using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Data.Postgres;
using PrepBot.Learning;

namespace PrepBot.Tests.Data.Postgres;

/// <summary>Stores take <c>IDbContextFactory&lt;PrepBotDbContext&gt;</c>; on PostgreSQL it hands out the PostgreSQL context.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresContextFactoryTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_written_with_the_model_alone_runs_unchanged_on_postgres()
    {
        await using var database = await server.CreateDatabaseAsync();
        var factory = PostgresDatabase.CreateFactory(database.ConnectionString);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await db.Database.MigrateAsync(Ct);
        }

        await using var writer = new GroupCommitWriter(factory, NullLogger<GroupCommitWriter>.Instance);
        var learners = new LearnerStore(factory, writer, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)));

        var first = await learners.GetOrCreateAsync("discord", "1300000000000000002", "ada", "Europe/Berlin", Ct);
        var again = await learners.GetOrCreateAsync("discord", "1300000000000000002", "ada", "Europe/Berlin", Ct);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), (await learners.GetAsync(first.Id, Ct)).CreatedAt);
    }
}
