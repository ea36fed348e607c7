using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using PrepBot.Data;

namespace PrepBot.Benchmarks;

/// <summary>
/// A PrepBot database holding 1,000 learners × 1,000 card states (1,000,000 rows) with realistic due
/// dates and FSRS memory, built once into the temp folder and copied for each benchmark run. Learners with an even id use
/// FSRS with weights of their own (<see cref="FsrsWeights"/>); the others SM-2.
/// </summary>
internal static class LargeReviewDatabase
{
    public const int Learners = 1_000;
    public const int CardsPerLearner = 1_000;

    /// <summary>The fitted weights of the FSRS learners (those with an even id).</summary>
    public const string FsrsWeights = "0.5,2.5,5,15,6,0.6,2,0.01,1.4,0.2,1.1,1.8,0.1,0.35,2,0.4,2.2,0.5,0.1,0.1,0.4";

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(string Path, IDbContextFactory<PrepBotDbContext> Factory)> OpenCopyAsync(string synchronous)
    {
        var template = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "prepbot-bench-1m-v2.db");
        if (!File.Exists(template))
        {
            await BuildAsync(template);
        }
        else
        {
            // A template kept from an earlier build gets the migrations added since (new tables the grade path writes to).
            await MigrateAsync(template);
        }

        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"prepbot-bench-{Guid.NewGuid():N}.db");
        File.Copy(template, copy);
        var options = new DbContextOptionsBuilder<PrepBotDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = true }.ToString())
            .AddInterceptors(new SqlitePragmas(synchronous))
            .Options;
        return (copy, new PooledDbContextFactory<PrepBotDbContext>(options));
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    private static async Task MigrateAsync(string path)
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={path}").Options;
        var factory = new PooledDbContextFactory<PrepBotDbContext>(options);
        await new DatabaseMigrator(factory, new DatabaseLocation(path), NullLogger<DatabaseMigrator>.Instance).StartAsync(default);
        SqliteConnection.ClearAllPools();
    }

    private static async Task BuildAsync(string path)
    {
        var building = path + ".building";
        Delete(building);
        await MigrateAsync(building);

        await using var connection = new SqliteConnection($"Data Source={building}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var learners = connection.CreateCommand())
        {
            learners.CommandText = "INSERT INTO Learners (Id, Platform, PlatformUserId, DisplayName, TimeZoneId, CreatedAt) VALUES ($id, 'discord', $id, 'learner', 'Etc/UTC', 0)";
            var id = learners.Parameters.Add("$id", SqliteType.Integer);
            for (var l = 1; l <= Learners; l++)
            {
                id.Value = l;
                await learners.ExecuteNonQueryAsync();
            }
        }

        await using (var states = connection.CreateCommand())
        {
            states.CommandText = """
                INSERT INTO CardStates (LearnerId, CardId, EasinessFactor, IntervalDays, Repetitions, Lapses, Due, ScheduledDue, InRedrill, Version,
                    FirstSeenAt, LastReviewedAt, Stability, Difficulty)
                VALUES ($l, $c, 2.5, $i, 3, 0, $due, $due, 0, 3, 0, $due - $i * 86400000, $i * 1.1, 5.5)
                """;
            var learner = states.Parameters.Add("$l", SqliteType.Integer);
            var card = states.Parameters.Add("$c", SqliteType.Text);
            var interval = states.Parameters.Add("$i", SqliteType.Integer);
            var due = states.Parameters.Add("$due", SqliteType.Integer);
            var random = new Random(42);
            var now = Now.ToUnixTimeMilliseconds();
            for (var l = 1; l <= Learners; l++)
            {
                for (var c = 0; c < CardsPerLearner; c++)
                {
                    learner.Value = l;
                    card.Value = CardId(c);
                    interval.Value = 15;

                    // About 5% of each learner's cards are due now; the rest spread over the next 60 days.
                    due.Value = now + (long)((random.NextDouble() * 63 - 3) * 86_400_000);
                    await states.ExecuteNonQueryAsync();
                }
            }
        }

        await using (var profiles = connection.CreateCommand())
        {
            profiles.CommandText = "INSERT INTO FsrsProfiles (LearnerId, Scheduler, DesiredRetention, Weights, UpdatedAt) VALUES ($l, 1, 0.9, $w, 0)";
            var learner = profiles.Parameters.Add("$l", SqliteType.Integer);
            profiles.Parameters.AddWithValue("$w", FsrsWeights);
            for (var l = 2; l <= Learners; l += 2)
            {
                learner.Value = l;
                await profiles.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
    }

    public static string CardId(int index) => $"concept-generated-card-{index:D5}";
}
