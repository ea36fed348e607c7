using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PrepBot.Data;
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

    [Fact]
    public async Task Migrating_a_fresh_database_warns_about_nothing()
    {
        // A new learner's first start shows warnings in the terminal: a migration step that cannot run in a transaction
        // (an EF table rebuild) would greet them with one.
        var folder = Directory.CreateTempSubdirectory("prepbot-migration-");
        var warnings = new List<string>();
        try
        {
            var options = new DbContextOptionsBuilder<PrepBotDbContext>()
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "new.db"), Pooling = false }.ToString())
                .LogTo(warnings.Add, Microsoft.Extensions.Logging.LogLevel.Warning)
                .Options;
            await using var db = new PrepBotDbContext(options);

            await db.Database.MigrateAsync(Ct);

            Assert.Empty(warnings);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Splitting_reminder_state_from_settings_keeps_every_learners_values()
    {
        var folder = Directory.CreateTempSubdirectory("prepbot-migration-");
        try
        {
            var options = new DbContextOptionsBuilder<PrepBotDbContext>()
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "old.db"), Pooling = false }.ToString())
                .Options;
            await using (var db = new PrepBotDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261127204225_LearnerSettings", Ct);
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO Learners (Id, Platform, PlatformUserId, DisplayName, TimeZoneId, CreatedAt) VALUES
                        (1, 'discord', '10', 'ada', 'Etc/UTC', 0), (2, 'discord', '20', 'bob', 'Etc/UTC', 0), (3, 'discord', '30', 'cy', 'Etc/UTC', 0);
                    INSERT INTO LearnerSettings (LearnerId, ReminderTime, ReminderOff, DailyReviewCap, DmChannelId, ReminderDay, ReminderOutcome,
                        ReminderSentAt, DmFailedAt, DmFailureReason, DmClosed, PauseShiftedCardIds, UpdatedAt) VALUES
                        (1, '18:30:00', 0, 20, 'dm-10', '2026-03-03', 1, 1772560000000, NULL, NULL, 0, NULL, 1772500000000),
                        (2, NULL, 0, NULL, NULL, '2026-03-02', 3, NULL, 1772470000000, 'closed (50007)', 1, 'sql-a,sql-b', 1772400000000),
                        (3, NULL, 1, NULL, NULL, NULL, 0, NULL, NULL, NULL, 0, NULL, 1772300000000);
                    INSERT INTO LearnerPauses (Id, LearnerId, FirstDay, LastDay, CreatedAt) VALUES
                        (1, 2, '2026-01-01', '2026-01-03', 1767225600000), (2, 2, '2026-03-02', '2026-03-09', 1772409600000);
                    """,
                    Ct);
            }

            await using (var db = new PrepBotDbContext(options))
            {
                await db.Database.MigrateAsync(Ct);

                var deliveries = await db.ReminderDeliveries.AsNoTracking().OrderBy(d => d.LearnerId).ToListAsync(Ct);
                Assert.Equal([1L, 2L], deliveries.Select(d => d.LearnerId));
                Assert.Equal(("dm-10", new DateOnly(2026, 3, 3), ReminderOutcome.Sent, false), (deliveries[0].DmChannelId, deliveries[0].ReminderDay, deliveries[0].ReminderOutcome, deliveries[0].DmClosed));
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772560000000), deliveries[0].ReminderSentAt);
                Assert.Equal((ReminderOutcome.Failed, true, "closed (50007)"), (deliveries[1].ReminderOutcome, deliveries[1].DmClosed, deliveries[1].DmFailureReason));
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772470000000), deliveries[1].DmFailedAt);

                var settings = await db.LearnerSettings.AsNoTracking().OrderBy(s => s.LearnerId).ToListAsync(Ct);
                Assert.Equal([new TimeOnly(18, 30), null, null], settings.Select(s => s.ReminderTime));
                Assert.Equal([false, false, true], settings.Select(s => s.ReminderOff));
                Assert.Equal(20, settings[0].DailyReviewCap);

                var pauses = await db.LearnerPauses.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct);
                Assert.Equal([null, "sql-a,sql-b"], pauses.Select(p => p.ShiftedCardIds));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
