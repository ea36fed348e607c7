using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Mock;

/// <summary>Cohort mock interviews driven the way members use them, through the loopback fake Discord with Quartz on a fake clock.</summary>
public sealed class MockInterviewDiscordTests : IAsyncLifetime
{
    private static readonly FakeUser Ada = new("1300000000000000011", "ada");
    private static readonly FakeUser Bob = new("1300000000000000012", "bob");
    private static readonly FakeUser Carol = new("1300000000000000013", "carol");
    private static readonly string Channel = FakeGuild.Default.DefaultChannel.Id;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-mock-");
    private readonly FakeDiscordServer _discord = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        foreach (var file in new[] { "design/airflow-backfill-idempotency.md", "design/clickstream-late-events.md", "sql/customers-with-repeat-orders.md", "datasets/ecommerce.sql" })
        {
            _content.Write(file, await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Content, file), TestContext.Current.CancellationToken));
        }

        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Lobby_pairs_two_members_in_a_private_thread_times_the_round_collects_both_feedbacks_swaps_and_keeps_history()
    {
        await using var bot = await StartBotAsync();

        var started = await bot.AskAsync(Start("design").By(Ada));
        Assert.True(started.IsEphemeral);
        var lobby = Assert.Single(Posts(Channel));
        Assert.Contains("Mock interview: system design", lobby.Content, StringComparison.Ordinal);

        var seated = await bot.AskAsync(Click(lobby, "Join as candidate").By(Ada));
        Assert.Contains("You are the candidate", seated.Content, StringComparison.Ordinal);
        var (pairing, paired) = await bot.SendAsync(Click(Latest(lobby), "Join as interviewer").By(Bob));
        await WaitAsync(() => _discord.GetFollowUps(pairing.Id).Any(f => f.Content.Contains("You will score", StringComparison.Ordinal)), "the interviewer's notes");
        var notes = _discord.GetFollowUps(pairing.Id);

        Assert.Contains("You are the **interviewer**", DiscordBotHarness.Text(paired.Data), StringComparison.Ordinal);
        var allNotes = string.Join("\n", notes.Select(n => n.Content));
        Assert.Contains("Rubric", allNotes, StringComparison.Ordinal);
        Assert.Contains("Reference answer", allNotes, StringComparison.Ordinal);
        Assert.Contains("Follow-ups", allNotes, StringComparison.Ordinal);
        Assert.All(notes, n => Assert.True(n.IsEphemeral));
        var thread = Assert.Single(_discord.Threads);
        Assert.Equal(12, thread.Type);
        Assert.False(thread.Invitable);
        Assert.Equal([Ada.Id, Bob.Id], _discord.GetThreadMembers(thread.Id).Order(StringComparer.Ordinal));
        Assert.Contains("Paired", Latest(lobby).Content, StringComparison.Ordinal);
        Assert.Empty(Latest(lobby).CustomIds);
        var prompt = await WaitForPostAsync(thread.Id, "Prompt for the candidate");
        Assert.DoesNotContain("Reference answer", prompt.Content, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(35));
        await WaitForPostAsync(thread.Id, "10 minutes left");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForPostAsync(thread.Id, "5 minutes left");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var timesUp = await WaitForPostAsync(thread.Id, "Time's up");

        var adaSaved = await GiveFeedbackAsync(bot, timesUp, Ada, "4", "Clear prompt <@1300000000000000012> @everyone");
        Assert.Contains("bob has not sent theirs yet", adaSaved.Content, StringComparison.Ordinal);
        var bobSaved = await GiveFeedbackAsync(bot, timesUp, Bob, "3", "Good structure; size the backfill earlier.");
        Assert.Contains("Clear prompt: 4/5", bobSaved.Content, StringComparison.Ordinal);
        Assert.Contains("> Clear prompt <@1300000000000000012> @everyone", bobSaved.Content, StringComparison.Ordinal);
        var bothIn = await WaitForPostAsync(thread.Id, "Both feedbacks for round 1");
        var adaReads = await bot.AskAsync(Click(bothIn, "See my feedback").By(Ada));
        Assert.True(adaReads.IsEphemeral);
        Assert.Contains("Architecture and data flow: 3/5", adaReads.Content, StringComparison.Ordinal);
        Assert.Contains("size the backfill earlier", adaReads.Content, StringComparison.Ordinal);

        var swapped = await bot.AskAsync(Click(bothIn, "Swap roles").By(Bob));
        Assert.Contains("You are the **candidate** for round 2", swapped.Content, StringComparison.Ordinal);
        var round2 = await WaitForPostAsync(thread.Id, "round 2 of 2");
        Assert.NotEqual(prompt.Content, round2.Content);
        await bot.AskAsync(Click(round2, "End round early").By(Ada));
        var ended = await WaitForPostAsync(thread.Id, "ended round 2 early");
        await GiveFeedbackAsync(bot, ended, Ada, "5", "Calm and structured.");
        await GiveFeedbackAsync(bot, ended, Bob, "2", string.Empty);
        await WaitForPostAsync(thread.Id, "The session is finished");
        await WaitAsync(() => _discord.IsThreadArchived(thread.Id), "the finished session's thread to be archived");

        var history = await bot.AskAsync(FakeInteraction.SlashCommand("mock", subcommand: "history").By(Ada));
        Assert.Contains("system design with bob", history.Content, StringComparison.Ordinal);
        Assert.Contains("Round 1, you were candidate", history.Content, StringComparison.Ordinal);
        Assert.Contains("you got 3.0/5", history.Content, StringComparison.Ordinal);
        Assert.Contains("Round 2, you were interviewer", history.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task A_partner_who_never_joins_frees_the_waiting_member_when_the_lobby_times_out()
    {
        await using var bot = await StartBotAsync();
        await bot.AskAsync(Start("sql").By(Ada));
        var lobby = Assert.Single(Posts(Channel));
        await bot.AskAsync(Click(lobby, "Join as candidate").By(Ada));
        var busy = await bot.AskAsync(Start("sql").By(Ada));
        Assert.Contains("already hold a seat", busy.Content, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(16));
        await WaitAsync(() => Latest(lobby).Content.Contains("lobby has closed", StringComparison.Ordinal), "the lobby to close");

        Assert.Contains($"<@{Ada.Id}> is free again", Latest(lobby).Content, StringComparison.Ordinal);
        Assert.Empty(Latest(lobby).CustomIds);
        Assert.Empty(_discord.Threads);
        var again = await bot.AskAsync(Start("sql").By(Ada));
        Assert.Contains("Lobby posted", again.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_mid_session_neither_loses_nor_repeats_a_timer_message()
    {
        var thread = string.Empty;
        await using (var bot = await StartBotAsync())
        {
            thread = await PairAsync(bot, "sql");
            _clock.Advance(TimeSpan.FromMinutes(20));
            await WaitForPostAsync(thread, "10 minutes left");
        }

        // Down while "5 minutes left" falls due.
        _clock.Advance(TimeSpan.FromMinutes(6));
        await using (await StartBotAsync())
        {
            await WaitForPostAsync(thread, "5 minutes left");
            _clock.Advance(TimeSpan.FromMinutes(4));
            await WaitForPostAsync(thread, "Time's up");
        }

        Assert.Single(Posts(thread), m => m.Content.Contains("10 minutes left", StringComparison.Ordinal));
        Assert.Single(Posts(thread), m => m.Content.Contains("5 minutes left", StringComparison.Ordinal));
        Assert.Single(Posts(thread), m => m.Content.Contains("Time's up", StringComparison.Ordinal));
        Assert.Single(Posts(thread), m => m.Content.Contains("Prompt for the candidate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_claimed_just_before_a_crash_without_its_thread_is_called_off_at_its_end_and_frees_both()
    {
        FakeMessage lobby;
        await using (var bot = await StartBotAsync())
        {
            await bot.AskAsync(FakeInteraction.SlashCommand("mock", subcommand: "history").By(Bob));
            await bot.AskAsync(Start("sql").By(Ada));
            lobby = Assert.Single(Posts(Channel));

            // As if the bot stopped right after claiming the session for round 1, before the thread was opened.
            await using var db = await bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var session = await db.MockSessions.SingleAsync(TestContext.Current.CancellationToken);
            var bob = await db.Learners.SingleAsync(l => l.PlatformUserId == Bob.Id, TestContext.Current.CancellationToken);
            session.State = MockState.Active;
            session.CandidateId = session.HostId;
            session.InterviewerId = bob.Id;
            session.CardId = "sql-customers-with-repeat-orders";
            session.StartedAt = _clock.GetUtcNow();
            session.EndsAt = _clock.GetUtcNow().AddMinutes(30);
            session.AbandonAt = null;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var bot = await StartBotAsync())
        {
            _clock.Advance(TimeSpan.FromMinutes(30));
            await WaitAsync(() => Latest(lobby).Content.Contains("could not start", StringComparison.Ordinal), "the stuck session to be called off");

            var again = await bot.AskAsync(Start("sql").By(Ada));
            Assert.Contains("Lobby posted", again.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_third_member_is_refused_on_session_buttons_and_on_someone_elses_invitation()
    {
        await using var bot = await StartBotAsync();
        var thread = await PairAsync(bot, "design");
        var prompt = await WaitForPostAsync(thread, "Prompt for the candidate");

        var end = await bot.AskAsync(Click(prompt, "End round early").By(Carol));
        var notes = await bot.AskAsync(Click(prompt, "Interviewer notes").By(Carol));
        var candidateNotes = await bot.AskAsync(Click(prompt, "Interviewer notes").By(Ada));

        Assert.Contains("only they can use it", end.Content, StringComparison.Ordinal);
        Assert.Contains("only they can use it", notes.Content, StringComparison.Ordinal);
        Assert.Contains("for the interviewer only", candidateNotes.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Posts(thread), m => m.Content.Contains("ended round", StringComparison.Ordinal));

        await bot.AskAsync(Start("sql", with: Bob).By(Carol));
        var invitation = Posts(Channel).Last();
        var gatecrash = await bot.AskAsync(Click(invitation, "Join as candidate").By(Ada));
        Assert.Contains($"This lobby is for <@{Bob.Id}> only", gatecrash.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_cohort_session_posts_its_lobby_once_at_the_time_across_a_restart()
    {
        await using (var bot = await StartBotAsync())
        {
            var scheduled = await bot.AskAsync(FakeInteraction.SlashCommand("mock", new Dictionary<string, object> { ["time"] = "10:30", ["kind"] = "behavioral" }, "schedule").By(Ada));
            Assert.Contains("2026-03-02 10:30 (Etc/UTC)", scheduled.Content, StringComparison.Ordinal);
        }

        await using (await StartBotAsync())
        {
            _clock.Advance(TimeSpan.FromMinutes(89));
            Assert.Empty(Posts(Channel));
            _clock.Advance(TimeSpan.FromMinutes(1));
            await WaitAsync(() => Posts(Channel).Count > 0, "the scheduled lobby");
        }

        await using (await StartBotAsync())
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var lobby = Assert.Single(Posts(Channel));
        Assert.Contains("scheduled cohort session starts now", lobby.Content, StringComparison.Ordinal);
        Assert.Contains("Join as interviewer", lobby.Json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_members_in_the_queue_are_matched_into_a_private_thread()
    {
        await using var bot = await StartBotAsync();

        var waiting = await bot.AskAsync(Queue("sql").By(Ada));
        var (matching, matched) = await bot.SendAsync(Queue("sql").By(Bob));
        await _discord.WaitForFollowUpsAsync(matching.Id, 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("You are in the SQL queue", waiting.Content, StringComparison.Ordinal);
        Assert.Contains("You are the **interviewer**", DiscordBotHarness.Text(matched.Data), StringComparison.Ordinal);
        var thread = Assert.Single(_discord.Threads);
        Assert.Equal([Ada.Id, Bob.Id], _discord.GetThreadMembers(thread.Id).Order(StringComparer.Ordinal));
        await WaitForPostAsync(thread.Id, "Prompt for the candidate");
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.MockQueueEntries.ToListAsync(TestContext.Current.CancellationToken));
    }

    private Task<DiscordBotHarness> StartBotAsync() =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), _clock);

    private static FakeInteraction Start(string kind, FakeUser? with = null)
    {
        var options = new Dictionary<string, object> { ["kind"] = kind };
        if (with is not null)
        {
            options["with"] = with;
        }

        return FakeInteraction.SlashCommand("mock", options, "start");
    }

    private static FakeInteraction Queue(string kind) => FakeInteraction.SlashCommand("mock", new Dictionary<string, object> { ["kind"] = kind }, "queue");

    private static FakeInteraction Click(FakeMessage message, string label) => FakeInteraction.Button(message, DiscordBotHarness.ButtonId(message, label));

    /// <summary>What the bot posted on its own in a channel or thread (not answers to interactions).</summary>
    private List<FakeMessage> Posts(string channelId) => [.. _discord.GetMessages(channelId).Where(m => m.InteractionId is null)];

    private FakeMessage Latest(FakeMessage message) => _discord.FindMessage(message.Id) ?? message;

    /// <summary>
    /// Waits for <paramref name="condition"/>; while it does not hold, nudges the fake clock ten seconds at a time. Quartz
    /// may have started its idle wait (on the fake clock) just after a test advanced it, and only a later advance ends
    /// that wait; the nudges are small against the minutes the assertions are about.
    /// </summary>
    private async Task WaitAsync(Func<bool> condition, string description)
    {
        for (var nudge = 0; ; nudge++)
        {
            try
            {
                await _discord.WaitUntilAsync(condition, description, TimeSpan.FromSeconds(nudge < 12 ? 1 : 10), TestContext.Current.CancellationToken);
                return;
            }
            catch (TimeoutException) when (nudge < 12)
            {
                _clock.Advance(TimeSpan.FromSeconds(10));
            }
        }
    }

    private async Task<FakeMessage> WaitForPostAsync(string channelId, string text)
    {
        await WaitAsync(() => Posts(channelId).Any(m => m.Content.Contains(text, StringComparison.Ordinal)), $"a post saying '{text}'");
        return Posts(channelId).Last(m => m.Content.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Ada candidate, Bob interviewer, in a private thread; returns the thread id.</summary>
    private async Task<string> PairAsync(DiscordBotHarness bot, string kind)
    {
        await bot.AskAsync(Start(kind).By(Ada));
        var lobby = Posts(Channel).Last();
        await bot.AskAsync(Click(lobby, "Join as candidate").By(Ada));
        await bot.AskAsync(Click(Latest(lobby), "Join as interviewer").By(Bob));
        var thread = Assert.Single(_discord.Threads);
        await WaitForPostAsync(thread.Id, "Prompt for the candidate");
        return thread.Id;
    }

    private async Task<FakeMessage> GiveFeedbackAsync(DiscordBotHarness bot, FakeMessage withButton, FakeUser who, string score, string notes)
    {
        var (_, form) = await bot.SendAsync(Click(withButton, "Give feedback").By(who));
        Assert.Equal(9, form.Type);
        var fields = new Dictionary<string, string> { ["s1"] = score, ["s2"] = score, ["s3"] = score, ["s4"] = score };
        if (notes.Length > 0)
        {
            fields["notes"] = notes;
        }

        var (submitted, _) = await bot.SendAsync(FakeInteraction.ModalSubmit(form, fields));
        return await _discord.WaitForOriginalResponseAsync(submitted.Id, cancellationToken: TestContext.Current.CancellationToken);
    }
}
