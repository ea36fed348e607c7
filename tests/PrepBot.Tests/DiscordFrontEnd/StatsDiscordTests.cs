using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Features.Stats;
using PrepBot.Tests.Support;
using SkiaSharp;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary><c>/stats</c> with its heatmap upload and <c>/leaderboard</c>, end to end through the loopback fake Discord.</summary>
public sealed class StatsDiscordTests : IAsyncLifetime
{
    private static readonly FakeUser Grace = new("1300000000000000002", "grace");

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-stats-");
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

    private Task<DiscordBotHarness> StartBotAsync() =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "discord.db"));

    private static async Task RevealAndGradeAsync(DiscordBotHarness bot, FakeUser user, string grade)
    {
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz").By(user));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")).By(user));
        await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, grade)).By(user));
    }

    [Fact]
    public async Task Stats_answer_carries_the_heatmap_png_that_Discord_shows_and_the_leaderboard_ranks_the_server()
    {
        await using var bot = await StartBotAsync();
        await RevealAndGradeAsync(bot, FakeUser.DefaultLearner, "Good");
        await RevealAndGradeAsync(bot, Grace, "Again");

        var stats = await bot.AskAsync(FakeInteraction.SlashCommand("stats"));
        var board = await bot.AskAsync(FakeInteraction.SlashCommand("leaderboard").By(Grace));

        Assert.True(stats.IsEphemeral);
        Assert.Contains("Reviews: **1** today", stats.Content, StringComparison.Ordinal);
        var heatmap = Assert.Single(stats.Attachments);
        Assert.Equal((StatsHandler.HeatmapFileName, "image/png"), (heatmap.Filename, heatmap.ContentType));
        Assert.Equal((HeatmapImage.Width, HeatmapImage.Height), (heatmap.Width, heatmap.Height));
        Assert.StartsWith("Heatmap of reviews per day", heatmap.Description, StringComparison.Ordinal);
        using (var image = SKBitmap.Decode(heatmap.Content.ToArray()))
        {
            Assert.Equal(HeatmapImage.Width, image.Width);
        }

        Assert.True(board.IsEphemeral);
        Assert.Contains("- **#1** learner — **1** correct of 1 reviews", board.Content, StringComparison.Ordinal);
        Assert.Contains("You: **#2** of 2 — 0 correct of 1 reviews", board.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Leaderboard_in_a_direct_message_is_refused()
    {
        await using var bot = await StartBotAsync();

        var reply = await bot.AskAsync(FakeInteraction.SlashCommand("leaderboard").InDm());

        Assert.Contains("works inside a server channel", reply.Content, StringComparison.Ordinal);
    }
}
