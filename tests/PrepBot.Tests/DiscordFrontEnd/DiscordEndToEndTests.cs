using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.FakeDiscord.Rest;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>
/// The bot driven the way Discord users drive it: slash commands, clicks and forms dispatched by the loopback fake
/// Discord over a real WebSocket, answers read from what the bot POSTed back over real HTTP.
/// </summary>
public sealed class DiscordEndToEndTests : IAsyncLifetime
{
    private static readonly FakeUser Grace = new("1300000000000000002", "grace");

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-");
    private readonly FakeDiscordServer _discord = new();

    private string DatabasePath => Path.Combine(_data.FullName, "discord.db");

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<DiscordBotHarness> StartBotAsync(params string[] settings) =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, DatabasePath, settings);

    private static async Task<int> RepetitionsAsync(DiscordBotHarness bot, string cardId)
    {
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var state = await db.CardStates.SingleOrDefaultAsync(s => s.CardId == cardId, TestContext.Current.CancellationToken);
        return state?.Repetitions ?? -1;
    }

    [Fact]
    public async Task Quiz_in_a_guild_channel_answered_with_buttons_is_graded_into_sqlite()
    {
        await using var bot = await StartBotAsync();

        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        Assert.True(question.IsEphemeral);
        Assert.Contains("What makes a daily load idempotent?", question.Content, StringComparison.Ordinal);

        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        Assert.Contains("overwrite the day's partition", revealed.Content, StringComparison.Ordinal);

        var graded = await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));

        Assert.Contains("Recorded **Good**", graded.Content, StringComparison.Ordinal);
        Assert.Equal(1, await RepetitionsAsync(bot, "concept-idempotency"));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Slash_commands_are_registered_once_and_not_again_after_a_restart()
    {
        await using (var first = await StartBotAsync())
        {
            await _discord.WaitUntilAsync(() => _discord.GlobalCommandOverwriteCount == 1, "the first registration", cancellationToken: TestContext.Current.CancellationToken);
        }

        await using var second = await StartBotAsync();
        await second.AskAsync(FakeInteraction.SlashCommand("help"));

        Assert.Equal(1, _discord.GlobalCommandOverwriteCount);
        var registered = _discord.GetCommands()!.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(RegisteredCommands.All.Select(c => c.Name), registered);
    }

    [Fact]
    public async Task Review_in_direct_messages_answers_privately()
    {
        await using var bot = await StartBotAsync();

        var reply = await bot.AskAsync(FakeInteraction.SlashCommand("review").InDm());

        Assert.StartsWith("Nothing is due right now.", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_on_a_question_posted_before_a_restart_still_grades_after_it()
    {
        FakeMessage revealed;
        await using (var before = await StartBotAsync())
        {
            var question = await before.AskAsync(FakeInteraction.SlashCommand("quiz"));
            revealed = await before.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        }

        await using var after = await StartBotAsync();
        var graded = await after.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Easy")));

        Assert.Contains("Recorded **Easy**", graded.Content, StringComparison.Ordinal);
        Assert.Equal(1, await RepetitionsAsync(after, "concept-idempotency"));
    }

    [Fact]
    public async Task Another_learner_clicking_a_private_button_is_refused_politely_and_nothing_is_recorded()
    {
        await using var bot = await StartBotAsync();
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));

        var stolen = await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Easy")).By(Grace));

        Assert.True(stolen.IsEphemeral);
        Assert.Contains("sent to someone else", stolen.Content, StringComparison.Ordinal);
        Assert.Equal(-1, await RepetitionsAsync(bot, "concept-idempotency"));
    }

    [Fact]
    public async Task Interaction_sent_while_the_gateway_is_down_is_answered_after_the_resume()
    {
        await using var bot = await StartBotAsync();
        await bot.AskAsync(FakeInteraction.SlashCommand("help"));

        await _discord.DropConnectionsAsync();
        var whileDown = await _discord.DispatchInteractionAsync(FakeInteraction.SlashCommand("stats"));
        var response = await _discord.WaitForInteractionResponseAsync(whileDown.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(_discord.ResumeCount >= 1);
        Assert.Equal(1, _discord.IdentifyCount);
        Assert.Contains("Due now", DiscordBotHarness.Text(response.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_question_under_a_429_storm_arrives_once_per_part()
    {
        _content.Delete("concept/idempotency.md");
        var longQuestion = string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"Step {i}: " + new string('x', 100)));
        _content.Write("concept/long.md", FlowCards.Reveal
            .Replace("concept-idempotency", "concept-long", StringComparison.Ordinal)
            .Replace("What makes a daily load idempotent?", longQuestion, StringComparison.Ordinal));
        await using var bot = await StartBotAsync();
        _discord.ForceRateLimits(FakeRoutes.CreateInteractionResponse, 2, TimeSpan.FromMilliseconds(50));
        _discord.ForceRateLimits(FakeRoutes.CreateFollowUp, 3, TimeSpan.FromMilliseconds(50));

        var (interaction, response) = await bot.SendAsync(FakeInteraction.SlashCommand("quiz"));
        var followUps = await _discord.WaitForFollowUpsAsync(interaction.Id, 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Step 1:", DiscordBotHarness.Text(response.Data), StringComparison.Ordinal);
        var last = Assert.Single(followUps);
        Assert.Contains("Step 30:", last.Content, StringComparison.Ordinal);
        Assert.NotEmpty(last.CustomIds);
        Assert.Equal(2, _discord.GetRouteStats(FakeRoutes.CreateInteractionResponse).ForcedRateLimited);
        Assert.Equal(3, _discord.GetRouteStats(FakeRoutes.CreateFollowUp).ForcedRateLimited);
        Assert.Equal(0, _discord.UnforcedRateLimitCount);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Typing_a_topic_in_quiz_gets_matching_topic_ids_as_autocomplete_choices()
    {
        await using var bot = await StartBotAsync();

        var (_, response) = await bot.SendAsync(FakeInteraction.Autocomplete("quiz", "topic", "land"));

        Assert.Equal(8, response.Type);
        var choices = response.Data.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(["data-landscape"], choices);

        // Registration runs on READY beside the interaction loop: the autocomplete can be answered before it lands.
        await _discord.WaitUntilAsync(() => _discord.GetCommands() is not null, "the bot to register its commands", cancellationToken: TestContext.Current.CancellationToken);
        var registered = _discord.GetCommands()!.Value.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "quiz");
        Assert.Contains(registered.GetProperty("options").EnumerateArray(), o => o.GetProperty("name").GetString() == "topic" && o.GetProperty("autocomplete").GetBoolean());
    }
}
