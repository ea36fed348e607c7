using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>Undo over the loopback fake Discord: the button under a grade, pressed by its learner and by someone else.</summary>
public sealed class DiscordUndoTests : IAsyncLifetime
{
    private static readonly FakeUser Someone = new("1300000000000000099", "someone");

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-undo-");
    private readonly FakeDiscordServer _discord = new();

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

    [Fact]
    public async Task Undo_button_under_a_grade_is_refused_to_someone_else_and_takes_the_grade_back_for_its_learner()
    {
        await using var bot = await DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"));
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        var graded = await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));
        var undo = DiscordBotHarness.ButtonId(graded, "Undo");

        var stranger = await bot.AskAsync(FakeInteraction.Button(graded, undo).By(Someone));
        var undone = await bot.AskAsync(FakeInteraction.Button(graded, undo));
        var slash = await bot.AskAsync(FakeInteraction.SlashCommand("undo"));

        Assert.StartsWith("This Undo is for someone else's answer", stranger.Content, StringComparison.Ordinal);
        Assert.True(stranger.IsEphemeral);
        Assert.StartsWith("↩️ **Undone** — your **Good** on `concept-idempotency`", undone.Content, StringComparison.Ordinal);
        Assert.Equal("You have no grade to undo.", slash.Content);
        Assert.Empty(_discord.Rejections);
    }
}
