using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PrepBot.Data;
using PrepBot.Data.Postgres;
using PrepBot.Hosting;
using PrepBot.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Data.Postgres;

/// <summary><c>data copy --to-postgres</c> on a populated SQLite database and a real PostgreSQL.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class DataCopyTests(PostgresServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _sqlite = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sqlite = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _sqlite.DisposeAsync();

    [Fact]
    public async Task Copies_every_table_into_an_empty_database_with_matching_counts_and_checksums()
    {
        await PopulateAsync();
        await using var target = await server.CreateDatabaseAsync();

        var (exit, output, error) = await CopyAsync(target.ConnectionString);

        Assert.True(exit == 0, error);
        Assert.Contains("row counts and checksums match", output, StringComparison.Ordinal);
        var factory = PostgresDatabase.CreateFactory(target.ConnectionString);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal).ToList();
        foreach (var table in tables)
        {
            var rows = SqliteCount(table);
            Assert.True(rows > 0, $"the test fills {table}");
            Assert.Equal((table, rows), (table, await PostgresCountAsync(target.ConnectionString, table)));
            Assert.Contains($"  {table}: {rows:N0} rows, checksum ", output, StringComparison.Ordinal);
        }

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task A_copied_database_numbers_new_rows_after_the_copied_ones()
    {
        await PopulateAsync();
        await using var target = await server.CreateDatabaseAsync();
        await CopyAsync(target.ConnectionString);
        var factory = PostgresDatabase.CreateFactory(target.ConnectionString);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var highest = await db.Learners.MaxAsync(l => l.Id, Ct);

        var learner = new Learner { Platform = "discord", PlatformUserId = "99", DisplayName = "new", TimeZoneId = "Etc/UTC" };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(highest + 1, learner.Id);
    }

    [Fact]
    public async Task A_target_that_already_holds_rows_is_refused_with_the_reason_and_left_as_it_was()
    {
        await PopulateAsync();
        await using var target = await server.CreateDatabaseAsync();
        await CopyAsync(target.ConnectionString);
        var learnersBefore = await PostgresCountAsync(target.ConnectionString, "Learners");

        var (exit, _, error) = await CopyAsync(target.ConnectionString);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"data copy: PostgreSQL at 127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("is not empty: ", line, StringComparison.Ordinal);
        Assert.Contains("data copy only fills an empty database", line, StringComparison.Ordinal);
        Assert.Equal(learnersBefore, await PostgresCountAsync(target.ConnectionString, "Learners"));
    }

    [Fact]
    public async Task A_row_postgres_cannot_hold_stops_the_copy_naming_the_table_and_keeps_nothing()
    {
        await PopulateAsync();
        await using (var db = await _sqlite.Factory.CreateDbContextAsync(Ct))
        {
            // SQLite does not enforce a column's length; PostgreSQL does (DailyPosts.Nonce is varchar(25)).
            db.DailyPosts.Add(new DailyPost { GuildId = "g", LocalDate = new DateOnly(2026, 12, 2), CardId = "c", ChannelId = "c", Nonce = new string('n', 40), ClaimedAt = _time.GetUtcNow() });
            await db.SaveChangesAsync(Ct);
        }

        await using var target = await server.CreateDatabaseAsync();

        var (exit, _, error) = await CopyAsync(target.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("failed while copying DailyPosts, so nothing was kept: 22001: value too long", error, StringComparison.Ordinal);
        Assert.Equal(0, await PostgresCountAsync(target.ConnectionString, "Learners"));
        var (_, _, again) = await CopyAsync(target.ConnectionString);
        Assert.Contains("failed while copying DailyPosts", again, StringComparison.Ordinal); // not refused as non-empty: the target was left empty
    }

    [Fact]
    public async Task A_target_holding_tables_that_are_not_prepbots_is_refused()
    {
        await using var target = await server.CreateDatabaseAsync();
        await PostgresExecuteAsync(target.ConnectionString, "CREATE TABLE invoices (id int)");

        var (exit, _, error) = await CopyAsync(target.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("holds tables that are not PrepBot's (public.invoices)", error, StringComparison.Ordinal);
        Assert.Equal(0, await PostgresCountAsync(target.ConnectionString, "information_schema.tables WHERE table_schema = 'public' AND table_name = 'Learners'", quote: false));
    }

    [Fact]
    public async Task An_unreachable_target_is_exit_2_and_never_prints_the_password()
    {
        var (exit, output, error) = await CopyAsync(PostgresServer.UnreachableConnectionString());

        Assert.Equal(2, exit);
        Assert.StartsWith("data copy: --to-postgres: cannot connect to PostgreSQL at 127.0.0.1:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", output + error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> CopyAsync(string target)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(["data", "copy", "--to-postgres", target, $"--Data:DatabasePath={_sqlite.Path}"], output: output, error: error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A row or more in every table, through the review store where it owns them and through the model elsewhere.</summary>
    private async Task PopulateAsync()
    {
        var ada = await _sqlite.AddLearnerAsync("ada", "Europe/Berlin");
        var bob = await _sqlite.AddLearnerAsync("bob");
        var reviews = new ReviewStore(_sqlite.Factory, _time);
        foreach (var (card, grade) in new[] { ("sql-joins", 4), ("kafka-partitions", 1), ("dbt-tests", 5) })
        {
            await reviews.RecordAsync(ada, card, 0, grade, TimeZoneInfo.Utc, Ct);
            await reviews.RecordAsync(bob, card, 0, 3, TimeZoneInfo.Utc, Ct);
        }

        var now = _time.GetUtcNow();
        await using var db = await _sqlite.Factory.CreateDbContextAsync(Ct);
        db.CardHolds.Add(new CardHold { LearnerId = ada, CardId = "spark-shuffle", Kind = CardHoldKind.Suspended, CreatedAt = now });
        db.SqlAttempts.Add(new SqlAttempt { LearnerId = ada, CardId = "sql-joins", Query = "SELECT 1 -- ünïcode ✓", HintUsed = true, At = now });
        db.LearnerPauses.Add(new LearnerPause { LearnerId = bob, FirstDay = new DateOnly(2026, 12, 24), LastDay = new DateOnly(2026, 12, 31), CreatedAt = now, ShiftedCardIds = "sql-joins" });
        db.StarStories.Add(new StarStory { LearnerId = ada, CardId = "beh-conflict", PromptTitle = "A conflict", Competencies = "teamwork", Situation = "S", Score = 3, SecondsTaken = 240, CreatedAt = now });
        db.GuildDailySettings.Add(new GuildDailySettings
        {
            GuildId = "1200000000000000001",
            ChannelId = "1200000000000000002",
            PostTime = new TimeOnly(9, 30),
            TimeZoneId = "Europe/Berlin",
            Mix = "sql,concept,design,sql,behavioral,concept,sql",
            CohortStart = new DateOnly(2026, 3, 2),
            Paused = true,
            ScheduledSince = now,
            UpdatedByUserId = "10",
            UpdatedAt = now,
        });
        db.DailyPosts.Add(new DailyPost { GuildId = "1200000000000000001", LocalDate = new DateOnly(2026, 12, 1), CardId = "sql-joins", ChannelId = "1200000000000000002", Nonce = "d1200000000000000001-1201", ClaimedAt = now, PostedAt = now.AddSeconds(1) });
        var scheduled = new MockScheduledSession { GuildId = "1200000000000000001", ChannelId = "c", Kind = MockKind.Design, StartsAt = now.AddDays(1), CreatedById = ada, CreatedAt = now };
        db.MockScheduledSessions.Add(scheduled);
        await db.SaveChangesAsync(Ct);
        var session = new MockSession { GuildId = "1200000000000000001", ChannelId = "c", HostId = ada, InterviewerId = ada, CandidateId = bob, ScheduledSessionId = scheduled.Id, CreatedAt = now, StartedAt = now };
        db.MockSessions.Add(session);
        await db.SaveChangesAsync(Ct);
        db.MockFeedbacks.Add(new MockFeedback { SessionId = session.Id, Round = 1, FromLearnerId = ada, ToLearnerId = bob, CardId = "design-feed", Notes = "clear", CreatedAt = now });
        db.MockQueueEntries.Add(new MockQueueEntry { GuildId = "1200000000000000001", ChannelId = "c", LearnerId = bob, Kind = MockKind.Behavioral, JoinedAt = now, ExpiresAt = now.AddHours(1) });
        db.GuildLearners.Add(new GuildLearner { GuildId = "1200000000000000001", LearnerId = ada, FirstSeenAt = now });
        db.LeaderboardOptOuts.Add(new LeaderboardOptOut { LearnerId = bob, OptedOutAt = now });
        db.LearnerSettings.Add(new LearnerSettings { LearnerId = ada, ReminderTime = new TimeOnly(18, 30), DailyReviewCap = 20, UpdatedAt = now });
        db.FsrsProfiles.Add(new FsrsProfile { LearnerId = ada, Scheduler = SchedulerKind.Fsrs, DesiredRetention = 0.9, Weights = "0.212,1.2931,2.3065", FittedAt = now, FittedReviews = 400, DefaultLogLoss = 0.2942, FittedLogLoss = 1.0 / 3, UpdatedAt = now });
        db.ReminderDeliveries.Add(new ReminderDelivery { LearnerId = ada, DmChannelId = "dm-10", ReminderDay = new DateOnly(2026, 12, 1), ReminderOutcome = ReminderOutcome.Sent, ReminderSentAt = now });
        db.InterviewPlans.Add(new InterviewPlan { LearnerId = ada, Date = new DateOnly(2027, 1, 15), Title = "Data engineer, Acme", UpdatedAt = now });
        db.IdentifyBuckets.Add(new IdentifyBucket { Bucket = 0, LastIdentifyAt = now });
        await db.SaveChangesAsync(Ct);
        SqliteConnection.ClearAllPools();
    }

    private long SqliteCount(string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _sqlite.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<long> PostgresCountAsync(string connectionString, string table, bool quote = true)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(quote ? $"SELECT COUNT(*) FROM \"{table}\"" : $"SELECT COUNT(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task PostgresExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
