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

    [Theory]
    [InlineData("Normal", "", "off")]
    [InlineData("Full", "-c synchronous_commit=remote_write", "remote_write")]
    [InlineData("Extra", "-c synchronous_commit=remote_write", "remote_write")]
    [InlineData("Normal", "-c synchronous_commit=local", "local")]
    [InlineData("Normal", "-c statement_timeout=5000", "off")]
    public async Task Data_Synchronous_sets_the_sessions_synchronous_commit_unless_the_connection_string_does(
        string synchronous, string options, string expected)
    {
        // The test server runs with synchronous_commit=off itself, so "Full keeps the server's setting" is seen through a
        // connection-string default the operator would not write but the server honours (remote_write): Full and Extra
        // leave it alone, Normal replaces only an absent setting.
        await using var database = await server.CreateMigratedDatabaseAsync();
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = options }.ConnectionString;
        var factory = PostgresDatabase.CreateFactory(connectionString, synchronous: synchronous);
        await using var db = await factory.CreateDbContextAsync(Ct);

        var setting = await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync(Ct);

        Assert.Equal(expected, setting);
        if (options.Contains("statement_timeout", StringComparison.Ordinal))
        {
            Assert.Equal("5s", await db.Database.SqlQueryRaw<string>("SELECT current_setting('statement_timeout') AS \"Value\"").SingleAsync(Ct));
        }
    }
}
