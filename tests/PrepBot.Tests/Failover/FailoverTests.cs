using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PrepBot.Data;
using PrepBot.Data.Postgres;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Features.Daily;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Failover;

/// <summary>
/// Failover end to end: two processes of the built bot on one PostgreSQL database and the loopback fake Discord, each running
/// one of two gateway shards, sharing Quartz's clustered store. The process whose scheduler holds (has acquired) a trigger is
/// killed with SIGKILL before the trigger's time; the other takes the trigger over (Quartz's cluster check-in and recovery)
/// and the post goes out exactly once. The bot runs on the wall clock here (separate processes), so these tests wait in real
/// time for the post, bounded by a guard; each takes about a minute and a half.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class FailoverTests(PostgresServer server) : IAsyncLifetime
{
    /// <summary>The guild on shard 0 of 2 ((id &gt;&gt; 22) even); <see cref="FakeGuild.Default"/> is on shard 1.</summary>
    private static readonly FakeGuild EvenGuild = new("1200000000004194305", "Shard zero guild", [new FakeChannel("1200000000004194306", "general")]);

    private static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PostGuard = TimeSpan.FromSeconds(120);

    private readonly TempContentFolder _content = new();
    private readonly List<BotProcess> _bots = [];
    private FakeDiscordServer _discord = null!;
    private PostgresTestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        DailyCards.Write(_content, "c-one", DailyCards.Concept("c-one"));
        DailyCards.Write(_content, "c-two", DailyCards.Concept("c-two"));
        var options = new FakeDiscordOptions();
        options.Guilds.Add(EvenGuild);
        _discord = new FakeDiscordServer(options) { DefaultWaitTimeout = StartGuard };
        await _discord.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        await _discord.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _content.Dispose();
    }

    [Fact]
    public async Task A_daily_question_is_posted_once_by_the_other_process_when_the_one_holding_its_trigger_is_killed()
    {
        var (zero, one) = await StartTwoProcessesAsync();
        var channel = FakeGuild.Default.DefaultChannel;

        // The trigger is acquired by a scheduler as soon as its time is within Quartz's idle wait (30 s) of now: set the post
        // for the next minute that is 15–30 s away, so the process that schedules it acquires it at once.
        var fireAt = await NextMinuteBetweenAsync(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        await AskAsync(FakeInteraction.SlashCommand(
            "setup",
            new Dictionary<string, object> { ["mon"] = "concept", ["tue"] = "concept", ["wed"] = "concept", ["thu"] = "concept", ["fri"] = "concept", ["sat"] = "concept", ["sun"] = "concept" },
            subcommand: "mix").AsAdministrator());
        var setup = await AskAsync(FakeInteraction.SlashCommand(
            "setup",
            new Dictionary<string, object> { ["channel"] = channel, ["time"] = fireAt.ToString("HH:mm", CultureInfo.InvariantCulture), ["timezone"] = "Etc/UTC" },
            subcommand: "daily").AsAdministrator());
        Assert.Contains("Daily question set up", setup.Content, StringComparison.Ordinal);

        var holder = await KillTheHolderAsync("daily-post", fireAt, zero, one);
        var survivor = holder == zero ? one : zero;

        var posts = await WaitForPostsAsync(channel.Id, 1);
        var failover = posts[0].CreatedAt - fireAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"daily question due {fireAt:HH:mm:ss}, {holder.Name} killed, posted by {survivor.Name} {failover.TotalSeconds:0.0} s after its time");
        Assert.Single(Posts(channel.Id));
        Assert.False(survivor.HasExited, survivor.Tail());
    }

    [Fact]
    public async Task A_review_reminder_is_sent_once_by_the_other_process_when_the_one_holding_its_trigger_is_killed()
    {
        // Every learner's reminder time is midnight, so a learner with a card due is reminded by the next run (every minute).
        var (zero, one) = await StartTwoProcessesAsync(("Reminders:DefaultTime", "00:00"));
        var learner = new FakeUser("1300000000000000020", "rem");

        // The next run's trigger, once a scheduler holds it with time to spare; only then does the learner get a card due,
        // so no run before that one can remind them.
        var (holderInstance, fireAt) = await WaitForAcquiredAsync("reminders", TimeSpan.FromSeconds(5), zero, one);
        await AddLearnerWithACardDueAsync(learner);
        var holder = await KillAsync(holderInstance, fireAt, zero, one);
        var survivor = holder == zero ? one : zero;

        var dms = await WaitForDirectMessagesAsync(learner.Id, 1);
        var failover = dms[0].CreatedAt - fireAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"reminder run due {fireAt:HH:mm:ss}, {holder.Name} killed, DM by {survivor.Name} {failover.TotalSeconds:0.0} s after its time");
        Assert.Single(_discord.GetDirectMessages(learner.Id));
        Assert.False(survivor.HasExited, survivor.Tail());
    }

    [Fact]
    public async Task A_mock_timer_posts_once_by_the_other_process_when_the_one_holding_its_trigger_is_killed()
    {
        foreach (var file in new[] { "sql/customers-with-repeat-orders.md", "datasets/ecommerce.sql" })
        {
            _content.Write(file, await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Content, file), Ct));
        }

        // The shortest round the settings allow (11 minutes), so its "10 minutes left" falls a minute after the pairing.
        var (zero, one) = await StartTwoProcessesAsync(("Mock:SqlMinutes", "11"));
        var channel = FakeGuild.Default.DefaultChannel;
        var ada = new FakeUser("1300000000000000011", "ada");
        var bob = new FakeUser("1300000000000000012", "bob");

        // Paired through the fake Discord: the process running the guild's shard starts the round and schedules its timers.
        await AskAsync(FakeInteraction.SlashCommand("mock", new Dictionary<string, object> { ["kind"] = "sql" }, "start").By(ada));
        var lobby = Assert.Single(_discord.GetMessages(channel.Id), m => m.InteractionId is null);
        await AskAsync(FakeInteraction.Button(lobby, DiscordBotHarness.ButtonId(lobby, "Join as candidate")).By(ada));
        lobby = _discord.FindMessage(lobby.Id) ?? lobby;
        await AskAsync(FakeInteraction.Button(lobby, DiscordBotHarness.ButtonId(lobby, "Join as interviewer")).By(bob));
        await _discord.WaitUntilAsync(() => _discord.Threads.Count == 1, "the session's private thread", StartGuard, Ct);
        var thread = _discord.Threads[0];

        DateTimeOffset fireAt;
        await using (var db = await PostgresDatabase.CreateFactory(_database.ConnectionString).CreateDbContextAsync(Ct))
        {
            var session = await db.MockSessions.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(MockState.Active, session.State);
            fireAt = session.EndsAt!.Value.AddMinutes(-10);
        }

        // The lobby's give-up trigger (15 minutes on) is in the same group, but only the 10-minute mark is due within the wait.
        var holder = await KillTheHolderAsync("mock", fireAt, zero, one);
        var survivor = holder == zero ? one : zero;

        var posts = await WaitForTimerPostsAsync(thread.Id, 1);
        var failover = posts[0].CreatedAt - fireAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"mock timer due {fireAt:HH:mm:ss}, {holder.Name} killed, posted by {survivor.Name} {failover.TotalSeconds:0.0} s after its time");
        Assert.Single(TimerPosts(thread.Id));
        Assert.False(survivor.HasExited, survivor.Tail());
    }

    /// <summary>Process "zero" runs shard 0 of 2, then "one" runs shard 1 (one after the other: Quartz creates its tables at the first start).</summary>
    private async Task<(BotProcess Zero, BotProcess One)> StartTwoProcessesAsync(params (string Key, string Value)[] settings)
    {
        _database = await server.CreateMigratedDatabaseAsync();
        var zero = Start("zero", shardId: 0, settings);
        await WaitForAsync(() => SchedulerInstancesAsync(), rows => rows.Count == 1, "process zero's scheduler to check in", zero);
        await _discord.WaitUntilAsync(() => _discord.GatewaySessions.Any(s => s.ShardId == 0 && s.IsConnected), "shard 0 to identify", StartGuard, Ct);
        var one = Start("one", shardId: 1, settings);
        await WaitForAsync(() => SchedulerInstancesAsync(), rows => rows.Count == 2, "process one's scheduler to check in", one);
        await _discord.WaitUntilAsync(() => _discord.GatewaySessions.Any(s => s.ShardId == 1 && s.IsConnected), "shard 1 to identify", StartGuard, Ct);
        return (zero, one);
    }

    private BotProcess Start(string name, int shardId, (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string>
        {
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardIds"] = shardId.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var bot = BotProcess.Start(name, _discord, _database.ConnectionString, _content.ContentDirectory, values);
        _bots.Add(bot);
        return bot;
    }

    /// <summary>
    /// Waits until a scheduler has acquired the trigger of <paramref name="group"/> (Quartz's <c>qrtz_fired_triggers</c>, state
    /// ACQUIRED, with the scheduler's instance), then SIGKILLs that process; fails if that happens only after
    /// <paramref name="fireAt"/>. The instances are told apart by the order they checked in (zero started first).
    /// </summary>
    private async Task<BotProcess> KillTheHolderAsync(string group, DateTimeOffset fireAt, BotProcess zero, BotProcess one)
    {
        var instances = await SchedulerInstancesAsync();
        var holderInstance = await WaitForAsync(
            () => AcquiredByAsync(group),
            instance => instance is not null,
            $"a scheduler to acquire the {group} trigger",
            zero,
            one);
        var holder = holderInstance == instances[0] ? zero : one;
        Assert.True(DateTimeOffset.UtcNow < fireAt - TimeSpan.FromSeconds(2), $"the {group} trigger was acquired too late to kill its holder before its time");
        await holder.KillAsync();
        return holder;
    }

    /// <summary>
    /// Waits until a scheduler has acquired the next firing of <paramref name="group"/>'s trigger at least
    /// <paramref name="spare"/> before its time (a firing acquired later is let go by, and the next one waited for).
    /// </summary>
    private async Task<(string Instance, DateTimeOffset FireAt)> WaitForAcquiredAsync(string group, TimeSpan spare, params BotProcess[] bots)
    {
        var deadline = DateTime.UtcNow + PostGuard;
        while (true)
        {
            var acquired = await WaitForAsync(() => AcquiredAsync(group), row => row is not null, $"a scheduler to acquire the {group} trigger", bots);
            if (acquired!.Value.FireAt - DateTimeOffset.UtcNow >= spare)
            {
                return acquired.Value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the {group} trigger acquired {spare.TotalSeconds} s before its time within {PostGuard}");
            await WaitForAsync(() => AcquiredAsync(group), row => row is null || row.Value.FireAt != acquired.Value.FireAt, $"the {group} firing at {acquired.Value.FireAt:O} to pass", bots);
        }
    }

    private async Task<BotProcess> KillAsync(string holderInstance, DateTimeOffset fireAt, BotProcess zero, BotProcess one)
    {
        var instances = await SchedulerInstancesAsync();
        var holder = holderInstance == instances[0] ? zero : one;
        Assert.True(DateTimeOffset.UtcNow < fireAt, "the holder is killed before its trigger's time");
        await holder.KillAsync();
        return holder;
    }

    /// <summary>A Discord learner (UTC) with one card due an hour ago, written straight into the shared database.</summary>
    private async Task AddLearnerWithACardDueAsync(FakeUser user)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = await PostgresDatabase.CreateFactory(_database.ConnectionString).CreateDbContextAsync(Ct);
        var learner = new Learner { Platform = "discord", PlatformUserId = user.Id, DisplayName = user.Username, TimeZoneId = "Etc/UTC" };
        db.Learners.Add(learner);
        await db.SaveChangesAsync(Ct);
        var due = now.AddHours(-1);
        db.CardStates.Add(new CardState
        {
            LearnerId = learner.Id,
            CardId = "c-one",
            EasinessFactor = 2.5,
            IntervalDays = 1,
            Repetitions = 1,
            Due = due,
            ScheduledDue = due,
            FirstSeenAt = now.AddDays(-1),
            LastReviewedAt = now.AddDays(-1),
        });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<FakeMessage>> WaitForDirectMessagesAsync(string userId, int count)
    {
        try
        {
            await _discord.WaitUntilAsync(() => _discord.GetDirectMessages(userId).Count >= count, $"{count} DM(s) to {userId}", PostGuard, Ct);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + "\n" + string.Join('\n', _bots.Select(b => b.Tail())), exception);
        }

        return [.. _discord.GetDirectMessages(userId)];
    }

    private async Task<FakeMessage> AskAsync(FakeInteraction interaction)
    {
        var dispatched = await _discord.DispatchInteractionAsync(interaction);
        return await _discord.WaitForOriginalResponseAsync(dispatched.Id, timeout: StartGuard, cancellationToken: Ct);
    }

    /// <summary>The daily questions the bot posted in a channel (not the set-up's confirmation, not interaction answers).</summary>
    private List<FakeMessage> Posts(string channelId) =>
        [.. _discord.GetMessages(channelId).Where(m => m.InteractionId is null && m.Json.GetRawText().Contains("Question of c-", StringComparison.Ordinal))];

    private async Task<List<FakeMessage>> WaitForPostsAsync(string channelId, int count)
    {
        try
        {
            await _discord.WaitUntilAsync(() => Posts(channelId).Count >= count, $"{count} post(s) in {channelId}", PostGuard, Ct);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + "\n" + string.Join('\n', _bots.Select(b => b.Tail())), exception);
        }

        return Posts(channelId);
    }

    /// <summary>The "10 minutes left" messages the bot posted in a mock session's thread.</summary>
    private List<FakeMessage> TimerPosts(string threadId) =>
        [.. _discord.GetMessages(threadId).Where(m => m.InteractionId is null && m.Content.Contains("10 minutes left", StringComparison.Ordinal))];

    private async Task<List<FakeMessage>> WaitForTimerPostsAsync(string threadId, int count)
    {
        try
        {
            await _discord.WaitUntilAsync(() => TimerPosts(threadId).Count >= count, $"{count} timer post(s) in {threadId}", PostGuard, Ct);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + "\n" + string.Join('\n', _bots.Select(b => b.Tail())), exception);
        }

        return TimerPosts(threadId);
    }

    /// <summary>
    /// The next whole minute at least <paramref name="least"/> and at most <paramref name="most"/> from now on the wall clock (the
    /// bots' clock), waiting in real time until one is (at most a minute).
    /// </summary>
    private static async Task<DateTimeOffset> NextMinuteBetweenAsync(TimeSpan least, TimeSpan most)
    {
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        if (minute - now < least)
        {
            minute = minute.AddMinutes(1);
        }

        if (minute - now > most)
        {
            await Task.Delay(minute - most - now, Ct);
        }

        return minute;
    }

    private async Task<List<string>> SchedulerInstancesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('qrtz_scheduler_state') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(Ct))!)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name", connection);
        var instances = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            instances.Add(reader.GetString(0));
        }

        return instances;
    }

    /// <summary>The scheduler instance holding <paramref name="group"/>'s trigger (ACQUIRED, not yet fired) and its time (Quartz.NET keeps UTC ticks).</summary>
    private async Task<(string Instance, DateTimeOffset FireAt)?> AcquiredAsync(string group)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT instance_name, sched_time FROM qrtz_fired_triggers WHERE trigger_group = @group AND state = 'ACQUIRED' LIMIT 1", connection);
        command.Parameters.AddWithValue("group", group);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        return await reader.ReadAsync(Ct) ? (reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)) : null;
    }

    private async Task<string?> AcquiredByAsync(string group)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_group = @group AND state = 'ACQUIRED' LIMIT 1", connection);
        command.Parameters.AddWithValue("group", group);
        return await command.ExecuteScalarAsync(Ct) as string;
    }

    /// <summary>
    /// Reads <paramref name="read"/> until <paramref name="done"/> holds (Quartz's tables have no event to wait on: they are read
    /// every 200 ms), failing after the start guard with the processes' output.
    /// </summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string description, params BotProcess[] bots)
    {
        var deadline = DateTime.UtcNow + StartGuard;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline || bots.Any(b => b.HasExited))
            {
                throw new TimeoutException($"Waited for {description}.\n" + string.Join('\n', bots.Select(b => b.Tail())));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
        }
    }
}
