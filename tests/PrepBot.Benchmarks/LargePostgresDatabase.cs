using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PrepBot.Data;
using PrepBot.Data.Postgres;

namespace PrepBot.Benchmarks;

/// <summary>
/// <see cref="LargeReviewDatabase"/>'s 1,000 learners × 1,000 card states on PostgreSQL: the same rows (same seed), built once
/// into a template database on the server <c>PREPBOT_BENCH_POSTGRES</c> names (<c>.ci/postgres-throwaway start</c> prints one)
/// and copied for each run with <c>CREATE DATABASE … TEMPLATE</c>.
/// </summary>
internal static class LargePostgresDatabase
{
    public const string EnvironmentVariable = "PREPBOT_BENCH_POSTGRES";

    private const string Template = "prepbot_bench_1m_v2";

    /// <summary>A fresh copy of the template, and a factory on it with the bot's connection settings for <paramref name="synchronous"/> (<c>Data:Synchronous</c>).</summary>
    public static async Task<(string Name, IDbContextFactory<PrepBotDbContext> Factory)> OpenCopyAsync(string synchronous = "Normal")
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set: run `.ci/postgres-throwaway start` and export what it prints as {EnvironmentVariable}.");
        if (!await ExistsAsync(admin, Template))
        {
            await BuildAsync(admin);
        }

        var name = "prepbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        await ExecuteAsync(connectionString, "ANALYZE");

        // CREATE DATABASE … TEMPLATE writes the whole copy (hundreds of MB) through the WAL: flush it now, or the checkpointer
        // writes it out during the first benchmark and every commit's fsync queues behind it.
        await ExecuteAsync(admin, "CHECKPOINT");
        return (name, PostgresDatabase.CreateFactory(connectionString, synchronous: synchronous));
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Environment.GetEnvironmentVariable(EnvironmentVariable)!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task BuildAsync(string admin)
    {
        var building = Template + "_building";
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{building}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = building, Pooling = false }.ConnectionString;
        await using (var db = PostgresDatabase.CreateFactory(connectionString).CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var learners = await connection.BeginBinaryImportAsync(
                "COPY \"Learners\" (\"Id\", \"Platform\", \"PlatformUserId\", \"DisplayName\", \"TimeZoneId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var l = 1; l <= LargeReviewDatabase.Learners; l++)
                {
                    await learners.WriteRowAsync(default, (long)l, "discord", l.ToString(System.Globalization.CultureInfo.InvariantCulture), "learner", "Etc/UTC", 0L);
                }

                await learners.CompleteAsync();
            }

            await using (var states = await connection.BeginBinaryImportAsync(
                "COPY \"CardStates\" (\"LearnerId\", \"CardId\", \"EasinessFactor\", \"IntervalDays\", \"Repetitions\", \"Lapses\", \"Due\", \"ScheduledDue\", "
                + "\"InRedrill\", \"Version\", \"FirstSeenAt\", \"LastReviewedAt\", \"Stability\", \"Difficulty\") FROM STDIN (FORMAT BINARY)"))
            {
                // The same rows as the SQLite template: same seed, same order.
                var random = new Random(42);
                var now = LargeReviewDatabase.Now.ToUnixTimeMilliseconds();
                for (var l = 1; l <= LargeReviewDatabase.Learners; l++)
                {
                    for (var c = 0; c < LargeReviewDatabase.CardsPerLearner; c++)
                    {
                        var due = now + (long)((random.NextDouble() * 63 - 3) * 86_400_000);
                        await states.StartRowAsync();
                        await states.WriteAsync((long)l, NpgsqlDbType.Bigint);
                        await states.WriteAsync(LargeReviewDatabase.CardId(c), NpgsqlDbType.Text);
                        await states.WriteAsync(2.5, NpgsqlDbType.Double);
                        await states.WriteAsync(15, NpgsqlDbType.Integer);
                        await states.WriteAsync(3, NpgsqlDbType.Integer);
                        await states.WriteAsync(0, NpgsqlDbType.Integer);
                        await states.WriteAsync(due, NpgsqlDbType.Bigint);
                        await states.WriteAsync(due, NpgsqlDbType.Bigint);
                        await states.WriteAsync(false, NpgsqlDbType.Boolean);
                        await states.WriteAsync(3, NpgsqlDbType.Integer);
                        await states.WriteAsync(0L, NpgsqlDbType.Bigint);
                        await states.WriteAsync(due - 15 * 86_400_000L, NpgsqlDbType.Bigint);
                        await states.WriteAsync(15 * 1.1, NpgsqlDbType.Double);
                        await states.WriteAsync(5.5, NpgsqlDbType.Double);
                    }
                }

                await states.CompleteAsync();
            }

            await using (var profiles = connection.CreateCommand())
            {
                profiles.CommandText = """
                    INSERT INTO "FsrsProfiles" ("LearnerId", "Scheduler", "DesiredRetention", "Weights", "UpdatedAt")
                    SELECT l, 1, 0.9, @w, 0 FROM generate_series(2, @learners, 2) AS l;
                    SELECT setval(pg_get_serial_sequence('"Learners"', 'Id'), @learners);
                    """;
                profiles.Parameters.AddWithValue("w", LargeReviewDatabase.FsrsWeights);
                profiles.Parameters.AddWithValue("learners", (long)LargeReviewDatabase.Learners);
                await profiles.ExecuteNonQueryAsync();
            }

            // VACUUM cannot share a batch with other statements.
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{Template}\"");
    }

    private static async Task<bool> ExistsAsync(string admin, string name)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
