using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.Features.Study;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>Not now, Suspend, <c>/cards</c> and a leech's offer, end to end through the loopback fake Discord.</summary>
public sealed class DiscordStudyHoldTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-holds-");
    private readonly FakeDiscordServer _discord = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1, "easy"), ("joins-2", "sql-joins", 1, "medium"));
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<DiscordBotHarness> StartBotAsync(params string[] settings) =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), _time, settings);

    private static Task<FakeMessage> PressAsync(DiscordBotHarness bot, FakeMessage message, string label) =>
        bot.AskAsync(FakeInteraction.Button(message, DiscordBotHarness.ButtonId(message, label)));

    [Fact]
    public async Task Not_now_then_suspend_list_and_resume()
    {
        await using var bot = await StartBotAsync();
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));

        var next = await PressAsync(bot, question, StudyFlow.NotNowLabel);
        var revealed = await PressAsync(bot, next, "Reveal answer");
        var suspended = await PressAsync(bot, revealed, StudyFlow.SuspendLabel);
        var list = await bot.AskAsync(FakeInteraction.SlashCommand("cards", subcommand: "suspended"));
        var resumed = await PressAsync(bot, list, "Resume joins-2");

        Assert.Contains("Question of joins-1?", question.Content, StringComparison.Ordinal);
        Assert.Contains("Question of joins-2?", next.Content, StringComparison.Ordinal);
        Assert.StartsWith("⏸ **Suspended** `joins-2`", suspended.Content, StringComparison.Ordinal);
        Assert.Contains("(`joins-2`, Concept, week 1)", list.Content, StringComparison.Ordinal);
        Assert.StartsWith("▶ **Resumed** `joins-2`.", resumed.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Leech_is_announced_with_suspend_and_keep_going_and_listed_in_stats()
    {
        await using var bot = await StartBotAsync("--Learning:LeechLapses=2");
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        await PressAsync(bot, await PressAsync(bot, question, "Reveal answer"), "Good");
        FakeMessage graded = question;
        for (var lapse = 0; lapse < 2; lapse++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            var review = await bot.AskAsync(FakeInteraction.SlashCommand("review"));
            graded = await PressAsync(bot, await PressAsync(bot, review, "Reveal answer"), "Again");
        }

        var stats = await bot.AskAsync(FakeInteraction.SlashCommand("stats"));

        Assert.Contains("This card is a leech for you", graded.Content, StringComparison.Ordinal);
        Assert.NotNull(DiscordBotHarness.ButtonId(graded, StudyFlow.SuspendLabel));
        Assert.NotNull(DiscordBotHarness.ButtonId(graded, "Keep going"));
        Assert.Contains("`joins-1`) — 2 lapses", stats.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }
}
