using Microsoft.EntityFrameworkCore;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Data;

public sealed class DatabaseMigratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fresh_database_gets_every_migration_and_wal_mode()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Factory.CreateDbContextAsync(Ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Factory.CreateDbContextAsync(Ct);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Progress_survives_a_restart_of_the_migrator()
    {
        await using var database = await TestDatabase.CreateAsync();
        var learner = await database.AddLearnerAsync();

        await using var reopened = await database.ReopenAsync();
        await using var db = await reopened.Factory.CreateDbContextAsync(Ct);

        Assert.True(await db.Learners.AnyAsync(l => l.Id == learner, Ct));
    }
}
