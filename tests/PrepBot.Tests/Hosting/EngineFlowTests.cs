using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.Features.Reminders;
using PrepBot.Operations;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Features.Daily;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Hosting;

/// <summary>
/// The real host on each database engine, driven through the loopback fake Discord: a graded /quiz, the daily question, a
/// review reminder, a mock interview's pairing and timer, and /me export — the same flows, once on SQLite and once on
/// PostgreSQL (where Quartz runs on its clustered store in the same database).
/// </summary>
public abstract class EngineFlowTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly FakeUser Ada = new("1300000000000000011", "ada");
    private static readonly FakeUser Bob = new("1300000000000000012", "bob");
    private static readonly FakeChannel General = FakeGuild.Default.DefaultChannel;

    private readonly TempContentFolder _content = new();
    private readonly FakeDiscordServer _discord = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private BotDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await BotDatabase.CreateAsync(engine, server);
        await _discord.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private Task<DiscordBotHarness> StartBotAsync() => DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, _database!, _clock);

    [Fact]
    public async Task A_quiz_answered_with_buttons_is_graded_once()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await using var bot = await StartBotAsync();

        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        var graded = await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));

        Assert.Contains("Recorded **Good**", graded.Content, StringComparison.Ordinal);
        await using var db = await DbAsync(bot);
        var state = await db.CardStates.SingleAsync(s => s.CardId == "concept-idempotency", Ct);
        Assert.Equal(1, state.Repetitions);
        Assert.Equal(1, await db.ReviewLogs.CountAsync(Ct));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task The_daily_question_is_posted_once_at_its_local_time()
    {
        DailyCards.Write(_content, "c-one", DailyCards.Concept("c-one"));
        await using var bot = await StartBotAsync();
        var options = new Dictionary<string, object> { ["channel"] = General, ["time"] = "09:00", ["timezone"] = "Europe/Berlin" };
        await bot.AskAsync(FakeInteraction.SlashCommand("setup", options, subcommand: "daily").AsAdministrator());
        var mix = new Dictionary<string, object> { ["mon"] = "concept", ["tue"] = "concept", ["wed"] = "concept", ["thu"] = "concept", ["fri"] = "concept", ["sat"] = "concept", ["sun"] = "concept" };
        await bot.AskAsync(FakeInteraction.SlashCommand("setup", mix, subcommand: "mix").AsAdministrator());
        Assert.Single(_discord.GetMessages(General.Id)); // the set-up announcement

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await WaitAsync(() => _discord.GetMessages(General.Id).Count >= 2, "the daily question");
        var posted = await PostedAtAsync(bot);
        _clock.Advance(TimeSpan.FromHours(1));
        await WaitAsync(() => _discord.GetMessages(General.Id).Count > 2, "no second post", nudges: 3);

        var question = _discord.GetMessages(General.Id)[1];
        Assert.Contains("📅 **Daily question** · Mon 2 Mar 2026", question.Content, StringComparison.Ordinal);
        Assert.Equal(2, _discord.GetMessages(General.Id).Count);
        Assert.InRange(posted, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero));
        await using var db = await DbAsync(bot);
        Assert.Equal(1, await db.DailyPosts.CountAsync(Ct));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task A_learner_with_a_review_due_gets_one_reminder()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        var learner = FakeUser.DefaultLearner;
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await using (var monday = await StartBotAsync())
        {
            var question = await monday.AskAsync(FakeInteraction.SlashCommand("quiz"));
            var revealed = await monday.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
            await monday.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good"))); // due Tuesday 04:00 UTC
        }

        // Back on Tuesday just before six (the default reminder time); the job runs every minute.
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 17, 59, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync();
        var reminders = bot.Services.GetRequiredService<ReminderService>();
        await RunAtAsync(reminders, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunAtAsync(reminders, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunAtAsync(reminders, _clock.GetUtcNow());

        var reminder = Assert.Single(await _discord.WaitForDirectMessagesAsync(learner.Id, 1, cancellationToken: Ct));
        Assert.Contains("1 card is due", reminder.Content, StringComparison.Ordinal);
        var review = await bot.AskAsync(FakeInteraction.Button(reminder, CommandButtons.Review));
        Assert.Contains("**Review**", review.Content, StringComparison.Ordinal);
        Assert.Single(_discord.GetDirectMessages(learner.Id));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task A_mock_interview_pairs_two_members_and_times_the_round()
    {
        foreach (var file in new[] { "sql/customers-with-repeat-orders.md", "datasets/ecommerce.sql" })
        {
            _content.Write(file, await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Content, file), Ct));
        }

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync();
        await bot.AskAsync(FakeInteraction.SlashCommand("mock", new Dictionary<string, object> { ["kind"] = "sql" }, "start").By(Ada));
        var lobby = Posts(General.Id).Last();
        await bot.AskAsync(Click(lobby, "Join as candidate").By(Ada));
        await bot.AskAsync(Click(_discord.FindMessage(lobby.Id) ?? lobby, "Join as interviewer").By(Bob));
        var thread = Assert.Single(_discord.Threads);
        await WaitForPostAsync(thread.Id, "Prompt for the candidate");

        _clock.Advance(TimeSpan.FromMinutes(20));
        await WaitForPostAsync(thread.Id, "10 minutes left");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForPostAsync(thread.Id, "5 minutes left");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForPostAsync(thread.Id, "Time's up");

        Assert.Single(Posts(thread.Id), m => m.Content.Contains("10 minutes left", StringComparison.Ordinal));
        Assert.Single(Posts(thread.Id), m => m.Content.Contains("Time's up", StringComparison.Ordinal));
        Assert.Equal([Ada.Id, Bob.Id], _discord.GetThreadMembers(thread.Id).Order(StringComparer.Ordinal));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Me_export_sends_the_learners_history_as_files()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await using var bot = await StartBotAsync();
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));

        var export = await bot.AskAsync(FakeInteraction.SlashCommand("me", subcommand: "export"));

        Assert.True(export.IsEphemeral);
        var json = export.Attachments.Single(a => a.Filename.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(1, JsonDocument.Parse(json.Content).RootElement.GetProperty("tables").GetProperty("ReviewLogs").GetArrayLength());
        Assert.Single(export.Attachments, a => a.Filename.EndsWith("-reviews.csv", StringComparison.Ordinal));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_metrics_are_served()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        using var http = new HttpClient();
        await using var bot = await DiscordBotHarness.StartWithOperationsAsync(_discord, _content.ContentDirectory, _database!.Path, configure: null, _database.Settings);
        var address = bot.Services.GetRequiredService<HealthServer>().Addresses[0];

        using var ready = await http.GetAsync(new Uri(address, "/readyz"), Ct);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("checks");
        using var metrics = await http.GetAsync(new Uri(address, "/metrics"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    private static async Task<PrepBotDbContext> DbAsync(DiscordBotHarness bot) =>
        await bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>When the daily post was recorded as sent (waiting for the record, which follows the message).</summary>
    private async Task<DateTimeOffset> PostedAtAsync(DiscordBotHarness bot)
    {
        DateTimeOffset? posted = null;
        await WaitAsync(
            () =>
            {
                using var db = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContext();
                posted = db.DailyPosts.AsNoTracking().Select(p => p.PostedAt).SingleOrDefault();
                return posted is not null;
            },
            "the daily post's record");
        return posted!.Value;
    }

    private static FakeInteraction Click(FakeMessage message, string label) => FakeInteraction.Button(message, DiscordBotHarness.ButtonId(message, label));

    /// <summary>What the bot posted on its own in a channel or thread (not answers to interactions).</summary>
    private List<FakeMessage> Posts(string channelId) => [.. _discord.GetMessages(channelId).Where(m => m.InteractionId is null)];

    private async Task<FakeMessage> WaitForPostAsync(string channelId, string text)
    {
        await WaitAsync(() => Posts(channelId).Any(m => m.Content.Contains(text, StringComparison.Ordinal)), $"a post saying '{text}'");
        return Posts(channelId).Last(m => m.Content.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits for <paramref name="condition"/>, nudging the fake clock ten seconds at a time while it does not hold: Quartz may
    /// have begun an idle wait on the fake clock just after the test moved it (the nudges are small against the minutes asserted).
    /// </summary>
    /// <remarks>With <paramref name="nudges"/> given, a condition that never holds is what the test expects: it returns after them.</remarks>
    private async Task WaitAsync(Func<bool> condition, string description, int? nudges = null)
    {
        for (var nudge = 0; ; nudge++)
        {
            try
            {
                await _discord.WaitUntilAsync(condition, description, TimeSpan.FromSeconds(nudge < 12 ? 1 : 10), Ct);
                return;
            }
            catch (TimeoutException) when (nudge < (nudges ?? 12))
            {
                _clock.Advance(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException) when (nudges is not null)
            {
                return;
            }
        }
    }

    /// <summary>Waits (real time, bounded) until the reminder job has run at or after <paramref name="at"/> on the fake clock.</summary>
    private static async Task RunAtAsync(ReminderService reminders, DateTimeOffset at)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRun(object? sender, ReminderRunEventArgs e)
        {
            if (e.At >= at)
            {
                ran.TrySetResult();
            }
        }

        reminders.RunCompleted += OnRun;
        try
        {
            if (reminders.LastRunAt < at || reminders.LastRunAt is null)
            {
                await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            }
        }
        finally
        {
            reminders.RunCompleted -= OnRun;
        }
    }
}

public sealed class SqliteEngineFlowTests() : EngineFlowTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresEngineFlowTests(PostgresServer server) : EngineFlowTests(TestEngine.Postgres, server);
