using Npgsql;

namespace PrepBot.Tests.Data.Postgres;

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Each_test_database_is_empty_and_answers_queries()
    {
        await using var database = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);

        var tables = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(0, tables);
        Assert.Equal(database.Name, connection.Database);
    }
}
