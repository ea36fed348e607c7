using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Study;
using PrepBot.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>The start-up run of a returning learner's <c>/quiz</c> path: it only reads, and a failure never stops the start.</summary>
public sealed class QuizWarmUpTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-warmup-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger _log = new();

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private string DatabasePath => Path.Combine(_data.FullName, "warmup.db");

    [Fact]
    public async Task The_warm_up_runs_the_quiz_path_and_writes_nothing()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("joins-2", "sql-joins", 1), ("windows-1", "window-functions", 1));
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        await bot.AnswerAsync(BotHarness.Ada, "Again");
        var rowsBefore = CountRows();
        var nextBefore = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        await WarmUp(bot.Services.GetRequiredService<LearnerStore>(), bot.Services).StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(rowsBefore, CountRows());
        Assert.Equal(nextBefore, await bot.TypeAsync(BotHarness.Ada, "/quiz"));
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.StartsWith("Compiled the /quiz path before connecting", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_up_that_fails_is_logged_and_the_start_goes_on()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1));
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);

        // A database without PrepBot's tables: the first read fails.
        var broken = new PooledDbContextFactory<PrepBotDbContext>(new DbContextOptionsBuilder<PrepBotDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_data.FullName, "empty.db")}").Options);
        await using var writer = new GroupCommitWriter(broken, new LoggerFactory().CreateLogger<GroupCommitWriter>());
        await WarmUp(new LearnerStore(broken, writer, _time), bot.Services).StartAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.IsType<SqliteException>(entry.Exception);
    }

    private QuizWarmUp WarmUp(LearnerStore learners, IServiceProvider services) => new(
        learners, services.GetRequiredService<CardPicker>(), services.GetRequiredService<StudyFlow>(), _time, _log);

    /// <summary>Every table's row count, by table.</summary>
    private Dictionary<string, long> CountRows()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("CardStates", tables);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }

        Assert.True(counts["CardStates"] > 0, "Ada's graded card is stored");
        return counts;
    }

    private sealed class RecordingLogger : ILogger<QuizWarmUp>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
