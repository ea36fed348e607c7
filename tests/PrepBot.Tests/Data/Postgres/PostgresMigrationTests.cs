using Microsoft.EntityFrameworkCore;
using Npgsql;
using PrepBot.Data;
using PrepBot.Data.Postgres;

namespace PrepBot.Tests.Data.Postgres;

/// <summary>PostgreSQL's own migrations of the model, run on a real server.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresMigrationTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_a_fresh_database_creates_every_table_of_the_model_from_its_own_migrations()
    {
        await using var database = await server.CreateDatabaseAsync();
        var factory = PostgresDatabase.CreateFactory(database.ConnectionString);
        await using var db = await factory.CreateDbContextAsync(Ct);

        await db.Database.MigrateAsync(Ct);

        var expected = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Append("__EFMigrationsHistory").Order(StringComparer.Ordinal).ToList();
        var tables = await QueryAsync(database.ConnectionString, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name COLLATE \"C\"");
        Assert.Equal(expected, tables);
        Assert.IsType<PostgresPrepBotDbContext>(db);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.All(db.Database.GetMigrations(), id => Assert.Contains("_", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Instants_are_stored_as_unix_milliseconds_in_bigint_as_on_sqlite()
    {
        await using var database = await server.CreateDatabaseAsync();
        var factory = PostgresDatabase.CreateFactory(database.ConnectionString);
        var created = new DateTimeOffset(2026, 12, 3, 9, 30, 15, 123, TimeSpan.Zero);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await db.Database.MigrateAsync(Ct);
            db.Learners.Add(new Learner { Platform = "terminal", PlatformUserId = "ada", DisplayName = "ada", TimeZoneId = "Etc/UTC", CreatedAt = created });
            await db.SaveChangesAsync(Ct);
        }

        var stored = await QueryAsync(database.ConnectionString, "SELECT pg_typeof(\"CreatedAt\")::text || ' ' || \"CreatedAt\" FROM \"Learners\"");

        Assert.Equal([$"bigint {created.ToUnixTimeMilliseconds()}"], stored);
        await using var reread = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(created, (await reread.Learners.SingleAsync(Ct)).CreatedAt);
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}

/// <summary>Checks of the PostgreSQL model that need no server.</summary>
public sealed class PostgresModelTests
{
    [Fact]
    public void Model_has_no_changes_missing_from_the_postgres_migrations()
    {
        using var db = new PostgresPrepBotDbContext(PostgresDatabase.Options("Host=localhost;Database=unused"));

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run .ci/postgres-migration.");
    }

    [Fact]
    public void Postgres_and_sqlite_models_have_the_same_tables_and_columns()
    {
        using var postgres = new PostgresPrepBotDbContext(PostgresDatabase.Options("Host=localhost;Database=unused"));
        using var sqlite = new PrepBotDbContext(new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(Columns(sqlite), Columns(postgres));
    }

    private static List<string> Columns(DbContext db) =>
        [.. db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}:{(p.GetValueConverter()?.ProviderClrType ?? p.ClrType).Name}"))
            .Order(StringComparer.Ordinal)];
}
