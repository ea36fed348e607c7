using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Data;
using PrepBot.Discord;
using PrepBot.Discord.Rest;
using PrepBot.DiscordFrontEnd;
using PrepBot.FakeDiscord;
using PrepBot.Features.Reminders;
using PrepBot.Hosting;
using PrepBot.Learning;

namespace PrepBot.Benchmarks;

/// <summary>
/// The daily reminder run for 10,000 Discord learners in 8 time zones, each with reviews due and a DM channel the bot
/// already knows (remembered from an earlier day), against the loopback fake Discord enforcing 50 requests a second:
/// 10,000 "create message" requests, so the rate-limit minimum is 200 s. Targets: total within 5 % of that (≤ 210 s),
/// database work (queue build + claims + writing results) under 1 s. The real <see cref="ReminderService"/> over the
/// real <see cref="DiscordMessenger"/> and REST client; the report is printed after the run.
/// Run: <c>dotnet run -c Release --project tests/PrepBot.Benchmarks -- --filter '*ReminderFanOut*'</c>
/// </summary>
[Config(typeof(InProcessSingleRunConfig))]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class ReminderFanOutBenchmarks
{
    public const int Learners = 10_000;
    public const int CardsPerLearner = 20;
    public const int RequestsPerSecond = 50;

    private static readonly string[] Zones =
        ["Etc/UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"];

    private readonly List<ReminderRunReport> _reports = [];
    private FakeDiscordServer _fake = null!;
    private ServiceProvider _services = null!;
    private ReminderService _reminders = null!;
    private string _databasePath = null!;
    private IDbContextFactory<PrepBotDbContext> _factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fake = new FakeDiscordServer(new FakeDiscordOptions { GlobalRequestsPerSecond = RequestsPerSecond });
        _fake.StartAsync().GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = _fake.Token,
            ["Discord:ApiBaseUrl"] = _fake.ApiBaseUrl.ToString(),
            ["Discord:GlobalRateLimitPerSecond"] = RequestsPerSecond.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordClient(configuration);
        _services = services.BuildServiceProvider();

        var catalog = new CardCatalog(
            new CardParser(), Options.Create(new ContentOptions { Directory = Path.Combine(AppRoot.Find(), "content") }), NullLogger<CardCatalog>.Instance);
        catalog.LoadAll();
        var cardIds = catalog.Cards.Where(c => !c.Retired).Select(c => c.Id).Take(CardsPerLearner).ToArray();

        _databasePath = Path.Combine(Path.GetTempPath(), $"prepbot-bench-reminders-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<PrepBotDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = true }.ToString())
            .AddInterceptors(new SqlitePragmas("Normal"))
            .Options;
        _factory = new PooledDbContextFactory<PrepBotDbContext>(options);
        new DatabaseMigrator(_factory, new DatabaseLocation(_databasePath), NullLogger<DatabaseMigrator>.Instance).StartAsync(default).GetAwaiter().GetResult();

        _reminders = new ReminderService(
            new ReminderStore(_factory),
            new LearnerSettingsStore(_factory, TimeProvider.System),
            new PauseStore(_factory, TimeProvider.System),
            new ReviewStore(_factory, TimeProvider.System),
            new InterviewStore(_factory, TimeProvider.System),
            new DiscordMessenger(_services.GetRequiredService<DiscordRestClient>()),
            catalog,
            Options.Create(new ReminderOptions()),
            TimeProvider.System,
            NullLogger<ReminderService>.Instance);

        // A running bot has done this every minute all day: its queries are compiled and its code is warm.
        _reminders.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        SeedAsync(cardIds).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void ForgetTodaysReminders()
    {
        using var connection = new SqliteConnection($"Data Source={_databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE ReminderDeliveries SET ReminderDay = NULL, ReminderOutcome = 0, ReminderSentAt = NULL";
        command.ExecuteNonQuery();
        Thread.Sleep(TimeSpan.FromSeconds(1.1)); // let the global window empty, so the run starts from a clean second
    }

    [Benchmark(Description = "daily reminders: 10,000 learners, known DM channels (10,000 requests, ≥ 200 s at 50/s)")]
    public async Task DailyReminders() => _reports.Add(await _reminders.RunAsync(CancellationToken.None).ConfigureAwait(false));

    [GlobalCleanup]
    public void Cleanup()
    {
        var minimum = TimeSpan.FromSeconds((double)Learners / RequestsPerSecond);
        foreach (var report in _reports)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// Reminders: {report.Learners} learners, {report.Claimed} claimed, {report.Sent} sent, {report.Failed} refused, {report.NothingDue} with nothing due."));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"//   total {report.Total.TotalSeconds:0.00} s = {report.Total / minimum:0.000} × the rate-limit minimum of {minimum.TotalSeconds:0} s (target ≤ 1.05)"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"//   database {report.DatabaseTime.TotalMilliseconds:0} ms (queue build + claims {report.QueueBuild.TotalMilliseconds:0} ms, recording results {report.RecordResults.TotalMilliseconds:0} ms; target < 1,000 ms)"));
        }

        Console.WriteLine($"// Fake Discord: {_fake.AllMessages.Count} messages stored, {_fake.UnforcedRateLimitCount} 429(s) sent for limits the client broke.");
        _services.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    /// <summary>10,000 learners with 20 card states each (half due, the rest later) and settings holding a known DM channel.</summary>
    private async Task SeedAsync(string[] cardIds)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var learner = connection.CreateCommand();
        learner.CommandText = "INSERT INTO Learners (Id, Platform, PlatformUserId, DisplayName, TimeZoneId, CreatedAt) VALUES ($id, 'discord', $user, 'learner', $zone, 0)";
        var learnerId = learner.Parameters.Add("$id", SqliteType.Integer);
        var user = learner.Parameters.Add("$user", SqliteType.Text);
        var zone = learner.Parameters.Add("$zone", SqliteType.Text);

        await using var settings = connection.CreateCommand();
        settings.CommandText = """
            INSERT INTO LearnerSettings (LearnerId, ReminderTime, ReminderOff, UpdatedAt) VALUES ($id, '00:00:00', 0, 0);
            INSERT INTO ReminderDeliveries (LearnerId, DmChannelId, ReminderOutcome, DmClosed, UpdatedAt) VALUES ($id, $channel, 0, 0, 0);
            """;
        var settingsId = settings.Parameters.Add("$id", SqliteType.Integer);
        var channel = settings.Parameters.Add("$channel", SqliteType.Text);

        await using var state = connection.CreateCommand();
        state.CommandText = """
            INSERT INTO CardStates (LearnerId, CardId, EasinessFactor, IntervalDays, Repetitions, Lapses, Due, ScheduledDue, InRedrill, Version, FirstSeenAt, LastReviewedAt)
            VALUES ($l, $c, 2.5, 6, 2, 0, $due, $due, 0, 2, 0, 0)
            """;
        var stateLearner = state.Parameters.Add("$l", SqliteType.Integer);
        var card = state.Parameters.Add("$c", SqliteType.Text);
        var due = state.Parameters.Add("$due", SqliteType.Integer);

        for (var i = 1; i <= Learners; i++)
        {
            var userId = (1_500_000_000_000_000_000UL + (ulong)i).ToString(CultureInfo.InvariantCulture);
            learnerId.Value = i;
            user.Value = userId;
            zone.Value = Zones[i % Zones.Length];
            await learner.ExecuteNonQueryAsync();

            settingsId.Value = i;
            channel.Value = _fake.OpenDirectMessageChannel(userId);
            await settings.ExecuteNonQueryAsync();

            stateLearner.Value = i;
            for (var c = 0; c < cardIds.Length; c++)
            {
                card.Value = cardIds[c];
                due.Value = (c % 2 == 0 ? now.AddDays(-1 - (c % 5)) : now.AddDays(1 + c)).ToUnixTimeMilliseconds();
                await state.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// One timed run, in the benchmark process itself: the run lasts minutes and its time is the measurement, and building
    /// a separate benchmark executable can take longer than BenchmarkDotNet's build timeout on a busy 2-core machine.
    /// </summary>
    public sealed class InProcessSingleRunConfig : ManualConfig
    {
        public InProcessSingleRunConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }
}
