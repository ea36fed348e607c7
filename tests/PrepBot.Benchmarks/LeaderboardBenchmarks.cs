using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Stats;
using PrepBot.Learning;

namespace PrepBot.Benchmarks;

/// <summary>
/// <c>/leaderboard</c> of a big server: 5,000 learners with 12 weeks of study days (about 100 graded reviews a week each,
/// 420,000 <c>StudyDays</c> rows), beside a second server of 1,000; and drawing one learner's heatmap PNG.
/// </summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which cleans up.")]
public class LeaderboardBenchmarks
{
    public const int ServerLearners = 5_000;
    public const int OtherServerLearners = 1_000;
    public const int Days = 84;

    private static readonly DateTimeOffset Now = new(2026, 6, 3, 12, 0, 0, TimeSpan.Zero); // a Wednesday
    private static readonly DateOnly Today = new(2026, 6, 3);

    private string _path = null!;
    private LeaderboardStore _store = null!;
    private ActivityGrid _grid = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"prepbot-bench-board-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<PrepBotDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString())
            .AddInterceptors(new SqlitePragmas("Normal"))
            .Options;
        var factory = new PooledDbContextFactory<PrepBotDbContext>(options);
        new DatabaseMigrator(factory, new DatabaseLocation(_path), NullLogger<DatabaseMigrator>.Instance).StartAsync(default).GetAwaiter().GetResult();
        FillAsync().GetAwaiter().GetResult();
        _store = new LeaderboardStore(factory, new StudyDayStore(factory), new FakeTimeProvider(Now));

        var days = Enumerable.Range(0, Days).ToDictionary(d => Today.AddDays(-d), d => new DayActivity(d % 25, d % 25, d % 20));
        _grid = new ActivityGrid(new LearnerHistory(days, []), Today);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Benchmark(Description = "Leaderboard week, 5,000 learners x 100 reviews/week")]
    public async Task<LeaderboardWeek> LeaderboardWeek()
    {
        var caller = (_next++ % ServerLearners) + 1;
        return await _store.ReadWeekAsync("1", caller, TimeZoneInfo.Utc, default);
    }

    [Benchmark(Description = "Heatmap PNG of 12 weeks")]
    public byte[] HeatmapPng() => HeatmapImage.Render(_grid);

    private async Task FillAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var learners = connection.CreateCommand();
        learners.CommandText = """
            INSERT INTO Learners (Id, Platform, PlatformUserId, DisplayName, TimeZoneId, CreatedAt) VALUES ($id, 'discord', $id, 'learner ' || $id, 'Etc/UTC', 0);
            INSERT INTO GuildLearners (GuildId, LearnerId, FirstSeenAt) VALUES ($guild, $id, 0);
            """;
        var id = learners.Parameters.Add("$id", SqliteType.Integer);
        var guild = learners.Parameters.Add("$guild", SqliteType.Text);
        await using var days = connection.CreateCommand();
        days.CommandText = "INSERT INTO StudyDays (LearnerId, Day, Reviews, Scored, Correct) VALUES ($id, $day, $n, $n, $correct)";
        var dayLearner = days.Parameters.Add("$id", SqliteType.Integer);
        var day = days.Parameters.Add("$day", SqliteType.Text);
        var count = days.Parameters.Add("$n", SqliteType.Integer);
        var correct = days.Parameters.Add("$correct", SqliteType.Integer);
        var random = new Random(42);
        for (var l = 1; l <= ServerLearners + OtherServerLearners; l++)
        {
            id.Value = l;
            guild.Value = l <= ServerLearners ? "1" : "2";
            await learners.ExecuteNonQueryAsync();
            for (var d = 0; d < Days; d++)
            {
                var reviews = random.Next(0, 29); // about 100 a week
                dayLearner.Value = l;
                day.Value = Today.AddDays(-d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                count.Value = reviews;
                correct.Value = reviews * 4 / 5;
                await days.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }
}
