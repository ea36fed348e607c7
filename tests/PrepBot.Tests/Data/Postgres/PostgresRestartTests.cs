using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data.Postgres;
using PrepBot.Learning;

namespace PrepBot.Tests.Data.Postgres;

/// <summary>
/// A lost connection while running: the PostgreSQL server restarts (<c>pg_ctl restart -m fast</c>) while learners' grades are
/// being recorded. Npgsql's retry (PostgresRetryStrategy) runs each failed unit again from its start, logging each retry, and
/// the version check makes a re-run after an unknown commit a duplicate, never a second count.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresRestartTests(PostgresServer server)
{
    private const int Workers = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Grades_recorded_while_the_server_restarts_are_each_counted_exactly_once_and_the_retries_are_logged()
    {
        await using var database = await server.CreateMigratedDatabaseAsync();
        var loggers = new RecordingLoggers();
        var factory = PostgresDatabase.CreateFactory(database.ConnectionString, retryOnFailure: true, loggers);
        var learner = await AddLearnerAsync(factory);
        var store = new ReviewStore(factory, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)));
        var outcomes = new ConcurrentDictionary<string, RecordResult>();
        var next = 0;
        var restarted = false;
        var afterRestart = 0;

        // Each worker grades new cards one after another until the restart is over and a few more went through.
        async Task WorkAsync()
        {
            while (!Volatile.Read(ref restarted) || Volatile.Read(ref afterRestart) < 20)
            {
                var card = $"c{Interlocked.Increment(ref next)}";
                var outcome = await store.RecordAsync(learner, card, 0, 4, TimeZoneInfo.Utc, Ct);
                Assert.True(outcomes.TryAdd(card, outcome.Result));
                if (Volatile.Read(ref restarted))
                {
                    Interlocked.Increment(ref afterRestart);
                }
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(WorkAsync, Ct)).ToList();
        while (outcomes.Count < 40 && workers.All(w => !w.IsCompleted))
        {
            await Task.Yield();
        }

        await server.RestartAsync();
        Volatile.Write(ref restarted, true);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2), Ct);

        // None lost: every grade a learner was told about is there. None doubled: one log row and one repetition per card.
        Assert.All(outcomes, o => Assert.Contains(o.Value, new[] { RecordResult.Recorded, RecordResult.Duplicate }));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var logs = await db.ReviewLogs.AsNoTracking().GroupBy(l => l.CardId).Select(g => new { Card = g.Key, Rows = g.Count() }).ToListAsync(Ct);
        Assert.Equal(outcomes.Keys.Order(StringComparer.Ordinal), logs.Select(l => l.Card).Order(StringComparer.Ordinal));
        Assert.All(logs, l => Assert.Equal(1, l.Rows));
        Assert.All(await db.CardStates.AsNoTracking().ToListAsync(Ct), s => Assert.Equal((1, 1), (s.Version, s.Repetitions)));
        Assert.Equal(outcomes.Count, await db.StudyDays.AsNoTracking().SumAsync(d => d.Reviews, Ct));

        // Retried and logged, structured, without the connection string's secrets.
        var retries = loggers.Entries.Where(e => e.Category == typeof(PostgresRetryStrategy).FullName).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(retries, r => Assert.Contains(r.State, kv => kv.Key == "Attempt"));
        Assert.All(retries, r => Assert.DoesNotContain("Password", r.Message, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<long> AddLearnerAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<PrepBot.Data.PrepBotDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var learner = new PrepBot.Data.Learner { Platform = "terminal", PlatformUserId = "ada", DisplayName = "ada", TimeZoneId = "Etc/UTC" };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(Ct);
        return learner.Id;
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State);

    /// <summary>Every log entry of every category, with its structured values.</summary>
    private sealed class RecordingLoggers : ILoggerFactory
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
        }
    }
}
