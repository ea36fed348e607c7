using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.Tests.Support;
using Quartz;

namespace PrepBot.Tests.Features.Daily;

/// <summary>
/// The daily question through the real host — Quartz on a fake clock, the Discord client against the loopback fake:
/// set-up by slash command, posts at the configured local time (DST days included), answers by button, restarts.
/// </summary>
public sealed class DailyQuartzTests : IAsyncLifetime
{
    private static readonly FakeChannel General = FakeGuild.Default.DefaultChannel;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-daily-quartz-");
    private readonly FakeDiscordServer _discord = new();

    private string DatabasePath => Path.Combine(_data.FullName, "daily.db");

    public async ValueTask InitializeAsync()
    {
        DailyCards.Write(_content, "c-one", DailyCards.Concept("c-one"));
        DailyCards.Write(_content, "c-two", DailyCards.Concept("c-two"));
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<DiscordBotHarness> StartBotAsync(FakeTimeProvider clock) =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, DatabasePath, clock);

    private static async Task<FakeMessage> SetupDailyAsync(DiscordBotHarness bot, string time, string zone = "Europe/Berlin", FakeChannel? channel = null)
    {
        var command = FakeInteraction.SlashCommand(
            "setup",
            new Dictionary<string, object> { ["channel"] = channel ?? General, ["time"] = time, ["timezone"] = zone },
            subcommand: "daily").AsAdministrator();
        return await bot.AskAsync(command);
    }

    /// <summary>Every concept day, so each day of the tests has a question.</summary>
    private static async Task ConceptEveryDayAsync(DiscordBotHarness bot)
    {
        var options = new Dictionary<string, object> { ["mon"] = "concept", ["tue"] = "concept", ["wed"] = "concept", ["thu"] = "concept", ["fri"] = "concept", ["sat"] = "concept", ["sun"] = "concept" };
        await bot.AskAsync(FakeInteraction.SlashCommand("setup", options, subcommand: "mix").AsAdministrator());
    }

    private static async Task<List<DailyPost>> PostsAsync(DiscordBotHarness bot)
    {
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.DailyPosts.AsNoTracking().OrderBy(p => p.LocalDate).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<IScheduler> SchedulerAsync(DiscordBotHarness bot) =>
        await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

    /// <summary>When the daily question triggers fire next, soonest first.</summary>
    private static async Task<List<DateTimeOffset>> NextFiresAsync(DiscordBotHarness bot)
    {
        var scheduler = await SchedulerAsync(bot);
        var fires = new List<DateTimeOffset>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("daily-post"), TestContext.Current.CancellationToken))
        {
            if (await scheduler.GetTrigger(key, TestContext.Current.CancellationToken) is { } trigger && trigger.NextFireTimeUtc is { } next)
            {
                fires.Add(next);
            }
        }

        return [.. fires.Order()];
    }

    /// <summary>Moves the clock to <paramref name="target"/>, stopping at each daily trigger on the way until its job has run.</summary>
    private static async Task AdvanceToAsync(DiscordBotHarness bot, FakeTimeProvider clock, DateTimeOffset target, JobRuns runs)
    {
        while (clock.GetUtcNow() < target)
        {
            var next = (await NextFiresAsync(bot)).Cast<DateTimeOffset?>().FirstOrDefault();
            if (next is { } at && at <= target)
            {
                if (at > clock.GetUtcNow())
                {
                    clock.SetUtcNow(at);
                }

                await runs.NextAsync();
                continue;
            }

            // Hour by hour, as the clock of a running bot moves.
            clock.SetUtcNow(target - clock.GetUtcNow() > TimeSpan.FromHours(1) ? clock.GetUtcNow().AddHours(1) : target);
        }
    }

    [Fact]
    public async Task Setup_then_the_post_at_the_local_time_then_an_answer_by_button_then_the_next_day_reveals_it_in_the_thread()
    {
        // Monday 2 March 2026, 08:00 in Berlin.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync(clock);
        var runs = await JobRuns.AttachAsync(bot);

        var setup = await SetupDailyAsync(bot, "09:00");
        await ConceptEveryDayAsync(bot);
        Assert.True(setup.IsEphemeral);
        Assert.Contains("Daily question set up", setup.Content, StringComparison.Ordinal);
        Assert.Contains("every day at **09:00** (Europe/Berlin)", Assert.Single(_discord.GetMessages(General.Id)).Content, StringComparison.Ordinal);
        Assert.Equal([new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)], await NextFiresAsync(bot));

        await AdvanceToAsync(bot, clock, new DateTimeOffset(2026, 3, 2, 7, 59, 0, TimeSpan.Zero), runs);
        Assert.Single(_discord.GetMessages(General.Id));
        await AdvanceToAsync(bot, clock, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), runs);

        var question = (await _discord.WaitForMessagesAsync(General.Id, 2, cancellationToken: TestContext.Current.CancellationToken))[1];
        Assert.False(question.IsEphemeral);
        Assert.Contains("📅 **Daily question** · Mon 2 Mar 2026", question.Content, StringComparison.Ordinal);
        var monday = Assert.Single(await PostsAsync(bot));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), monday.PostedAt);
        var thread = Assert.Single(_discord.Threads);
        Assert.Equal(question.Id, thread.StarterMessageId);

        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal & grade myself")));
        Assert.True(revealed.IsEphemeral);
        var graded = await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));
        Assert.Contains("Recorded **Good**", graded.Content, StringComparison.Ordinal);
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var review = await db.ReviewLogs.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(monday.CardId, review.CardId);
        }

        await AdvanceToAsync(bot, clock, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), runs);

        Assert.Equal(3, _discord.GetMessages(General.Id).Count);
        var answer = Assert.Single(_discord.GetMessages(thread.Id));
        Assert.Contains("Answer to the question of Mon 2 Mar 2026", answer.Content, StringComparison.Ordinal);
        Assert.Contains($"Answer of {monday.CardId}.", answer.Content, StringComparison.Ordinal);
        Assert.Equal(2, _discord.Threads.Count);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task On_the_spring_forward_day_a_post_time_that_does_not_exist_posts_once_at_the_shifted_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync(clock);
        var runs = await JobRuns.AttachAsync(bot);
        await SetupDailyAsync(bot, "02:30");
        await ConceptEveryDayAsync(bot);

        await AdvanceToAsync(bot, clock, new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), runs);

        // 02:30 does not exist on 29 March in Berlin: posted at 03:30 CEST (01:30 UTC), once; the next at 02:30 CEST.
        var post = Assert.Single(await PostsAsync(bot));
        Assert.Equal(new DateOnly(2026, 3, 29), post.LocalDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), post.PostedAt);
        Assert.Equal(2, _discord.GetMessages(General.Id).Count);
        Assert.Equal([new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero)], await NextFiresAsync(bot));
    }

    [Fact]
    public async Task On_the_fall_back_day_a_post_time_that_happens_twice_posts_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync(clock);
        var runs = await JobRuns.AttachAsync(bot);
        await SetupDailyAsync(bot, "02:30");
        await ConceptEveryDayAsync(bot);

        await AdvanceToAsync(bot, clock, new DateTimeOffset(2026, 10, 25, 22, 0, 0, TimeSpan.Zero), runs);

        // 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET): posted at the first, once; the next at 02:30 CET.
        var post = Assert.Single(await PostsAsync(bot));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), post.PostedAt);
        Assert.Equal(2, _discord.GetMessages(General.Id).Count);
        Assert.Equal([new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero)], await NextFiresAsync(bot));
    }

    [Fact]
    public async Task A_bot_down_at_post_time_posts_late_once_when_back_the_same_day_and_a_later_restart_does_not_repeat_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using (var first = await StartBotAsync(clock))
        {
            await SetupDailyAsync(first, "09:00");
            await ConceptEveryDayAsync(first);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero));
        await using (var second = await StartBotAsync(clock))
        {
            await _discord.WaitForMessagesAsync(General.Id, 2, cancellationToken: TestContext.Current.CancellationToken);
            await _discord.WaitUntilAsync(() => _discord.Threads.Count == 1, "the discussion thread", cancellationToken: TestContext.Current.CancellationToken);
            var post = Assert.Single(await PostsAsync(second));
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), post.PostedAt);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        await using var third = await StartBotAsync(clock);

        Assert.Equal([new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)], await NextFiresAsync(third));
        Assert.Single(await PostsAsync(third));
        Assert.Equal(2, _discord.GetMessages(General.Id).Count);
    }

    [Fact]
    public async Task A_bot_down_for_the_whole_day_does_not_post_that_days_question_the_next_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using (var first = await StartBotAsync(clock))
        {
            await SetupDailyAsync(first, "09:00");
            await ConceptEveryDayAsync(first);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero));
        await using var second = await StartBotAsync(clock);
        var runs = await JobRuns.AttachAsync(second);

        Assert.Equal([new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)], await NextFiresAsync(second));
        await AdvanceToAsync(second, clock, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), runs);
        var post = Assert.Single(await PostsAsync(second));
        Assert.Equal(new DateOnly(2026, 3, 3), post.LocalDate);
    }

    [Fact]
    public async Task A_restart_after_the_message_went_out_but_before_it_was_recorded_keeps_one_message_by_its_nonce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using (var first = await StartBotAsync(clock))
        {
            var runs = await JobRuns.AttachAsync(first);
            await SetupDailyAsync(first, "09:00");
            await ConceptEveryDayAsync(first);
            await AdvanceToAsync(first, clock, new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), runs);

            // As if the bot died right after Discord accepted the message: the record still says claimed.
            var factory = first.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
            await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            await db.DailyPosts.ExecuteUpdateAsync(
                set => set.SetProperty(p => p.State, DailyPostState.Claimed).SetProperty(p => p.MessageId, (string?)null).SetProperty(p => p.PostedAt, (DateTimeOffset?)null),
                TestContext.Current.CancellationToken);
        }

        var question = _discord.GetMessages(General.Id)[1];
        await using var second = await StartBotAsync(clock);
        await _discord.WaitUntilAsync(() => PostsAsync(second).GetAwaiter().GetResult() is [{ State: DailyPostState.Posted }], "the post to be recorded again", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, _discord.GetMessages(General.Id).Count);
        Assert.Equal(question.Id, (await PostsAsync(second))[0].MessageId);
    }

    [Theory]
    [InlineData(FakeDiscordServer.MissingPermissions, "Missing Permissions, 50013")]
    [InlineData(FakeDiscordServer.MissingAccess, "Missing Access, 50001")]
    public async Task Setup_with_a_channel_Discord_refuses_is_an_ephemeral_error_naming_the_option_and_saves_nothing(int code, string reason)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync(clock);
        _discord.RefusePostsIn(General.Id, code);

        var reply = await SetupDailyAsync(bot, "09:00");

        Assert.True(reply.IsEphemeral);
        Assert.Contains("`channel` of `/setup daily`: PrepBot cannot post in", reply.Content, StringComparison.Ordinal);
        Assert.Contains(reason, reply.Content, StringComparison.Ordinal);
        Assert.Empty(await NextFiresAsync(bot));
        Assert.Empty(_discord.GetMessages(General.Id));
    }

    [Fact]
    public async Task A_paused_server_gets_no_post_and_no_trigger_until_resumed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await using var bot = await StartBotAsync(clock);
        var runs = await JobRuns.AttachAsync(bot);
        await SetupDailyAsync(bot, "09:00");

        await bot.AskAsync(FakeInteraction.SlashCommand("setup", subcommand: "pause").AsAdministrator());
        Assert.Empty(await NextFiresAsync(bot));
        await AdvanceToAsync(bot, clock, new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), runs);
        await bot.AskAsync(FakeInteraction.SlashCommand("setup", subcommand: "resume").AsAdministrator());

        Assert.Empty(await PostsAsync(bot));
        Assert.Equal([new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero)], await NextFiresAsync(bot));
    }

    /// <summary>Completions of daily question jobs, in order.</summary>
    private sealed class JobRuns : IJobListener
    {
        private readonly Channel<string> _runs = Channel.CreateUnbounded<string>();

        public string Name => "daily-test-listener";

        public static async Task<JobRuns> AttachAsync(DiscordBotHarness bot)
        {
            var runs = new JobRuns();
            (await SchedulerAsync(bot)).ListenerManager.AddJobListener(runs, GroupMatcher<JobKey>.GroupEquals("daily-post"));
            return runs;
        }

        public async Task NextAsync() =>
            await _runs.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            await _runs.Writer.WriteAsync(context.Trigger.Key.Name, cancellationToken);
    }
}
