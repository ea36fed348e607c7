using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary><c>/me interview</c> and the countdown in <c>/stats</c> and <c>/plan</c>, end to end through the loopback fake Discord.</summary>
public sealed class DiscordInterviewTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-interview-");
    private readonly FakeDiscordServer _discord = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

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

    private Task<DiscordBotHarness> StartBotAsync() =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), _time);

    private static FakeInteraction Interview(string? date = null, string? title = null)
    {
        var options = new Dictionary<string, object>();
        if (date is not null)
        {
            options["date"] = date;
        }

        if (title is not null)
        {
            options["title"] = title;
        }

        return FakeInteraction.SlashCommand("me", options, subcommand: "interview");
    }

    [Fact]
    public async Task An_interview_set_on_Discord_counts_down_in_stats_and_plan_and_a_past_date_is_refused()
    {
        await using var bot = await StartBotAsync();
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));

        var set = await bot.AskAsync(Interview("2026-04-01", "Data engineer, Acme"));
        var refused = await bot.AskAsync(Interview("2026-03-01"));
        var stats = await bot.AskAsync(FakeInteraction.SlashCommand("stats"));
        var plan = await bot.AskAsync(FakeInteraction.SlashCommand("plan"));

        Assert.True(set.IsEphemeral);
        Assert.Contains("Interview set: **Wed 1 Apr 2026** (Data engineer, Acme), in 30 days", set.Content, StringComparison.Ordinal);
        Assert.StartsWith("`date` of `/me interview` must be after today (2026-03-02); got `2026-03-01`", refused.Content, StringComparison.Ordinal);
        Assert.Contains("**Interview** **Wed 1 Apr 2026** (Data engineer, Acme) — **in 30 days**", stats.Content, StringComparison.Ordinal);
        Assert.Contains("over the 1 card you have seen", stats.Content, StringComparison.Ordinal);
        Assert.Contains("**Interview** **Wed 1 Apr 2026** (Data engineer, Acme) — **in 30 days**", plan.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }
}
