using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Tests.Features.Star;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>STAR drills and the story bank as a Discord user meets them, over the loopback fake Discord.</summary>
public sealed class DiscordStarTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-star-");
    private readonly FakeDiscordServer _discord = new();

    public async ValueTask InitializeAsync()
    {
        StarFlowTests.CopyBundledPrompts(_content);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<DiscordBotHarness> StartBotAsync() =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"));

    private static async Task<PrepBotDbContext> DatabaseAsync(DiscordBotHarness bot) =>
        await bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Prompt_form_feedback_story_listed_graded_once_when_submitted_twice_then_deleted()
    {
        await using var bot = await StartBotAsync();
        var ct = TestContext.Current.CancellationToken;

        var prompt = await bot.AskAsync(FakeInteraction.SlashCommand("star", new Dictionary<string, object> { ["competency"] = "conflict" }).InDm());
        var (_, form) = await bot.SendAsync(FakeInteraction.Button(prompt, DiscordBotHarness.ButtonId(prompt, "Write my answer")));
        var fields = StarFlowTests.Fields(StarExamples.NoNumbers);
        var (submit, _) = await bot.SendAsync(FakeInteraction.ModalSubmit(form, fields));
        var feedback = await _discord.WaitForOriginalResponseAsync(submit.Id, cancellationToken: ct);
        var (resubmit, _) = await bot.SendAsync(FakeInteraction.ModalSubmit(form, fields));
        var duplicate = await _discord.WaitForOriginalResponseAsync(resubmit.Id, cancellationToken: ct);
        var list = await bot.AskAsync(FakeInteraction.SlashCommand("stories", subcommand: "list").InDm());

        Assert.True(prompt.IsEphemeral);
        Assert.Contains("A technical disagreement with a teammate", prompt.Content, StringComparison.Ordinal);
        Assert.Equal(9, form.Type);
        Assert.True(feedback.IsEphemeral);
        Assert.Contains("STAR feedback", feedback.Content, StringComparison.Ordinal);
        Assert.Contains("Put a number on \"The combined design shipped on time.\"", feedback.Content, StringComparison.Ordinal);
        Assert.Contains("already recorded", duplicate.Content, StringComparison.Ordinal);
        Assert.Contains("**#1**", list.Content, StringComparison.Ordinal);
        Assert.Contains("conflict, collaboration, communication", list.Content, StringComparison.Ordinal);
        await using (var db = await DatabaseAsync(bot))
        {
            Assert.Equal(1, await db.StarStories.CountAsync(ct));
            var review = await db.ReviewLogs.SingleAsync(ct);
            Assert.Equal(StarFlowTests.Conflict, review.CardId);
            var state = await db.CardStates.SingleAsync(ct);
            Assert.Equal((1, 1), (state.Version, state.Repetitions));
        }

        var deleted = await bot.AskAsync(FakeInteraction.SlashCommand("stories", new Dictionary<string, object> { ["id"] = 1L }, subcommand: "delete").InDm());

        Assert.Equal("Deleted story **#1**: it is gone from the database.", deleted.Content);
        await using (var db = await DatabaseAsync(bot))
        {
            Assert.Equal(0, await db.StarStories.CountAsync(ct));
        }

        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Saved_story_chosen_on_another_prompt_opens_the_form_filled_with_it()
    {
        await using var bot = await StartBotAsync();
        var ct = TestContext.Current.CancellationToken;
        var first = await bot.AskAsync(FakeInteraction.SlashCommand("star", new Dictionary<string, object> { ["competency"] = "conflict" }));
        var (_, form) = await bot.SendAsync(FakeInteraction.Button(first, DiscordBotHarness.ButtonId(first, "Write my answer")));
        var (submit, _) = await bot.SendAsync(FakeInteraction.ModalSubmit(form, StarFlowTests.Fields(StarExamples.Strong)));
        await _discord.WaitForOriginalResponseAsync(submit.Id, cancellationToken: ct);

        var second = await bot.AskAsync(FakeInteraction.SlashCommand("star", new Dictionary<string, object> { ["competency"] = "ambiguity" }));
        var (_, filled) = await bot.SendAsync(FakeInteraction.Select(second, DiscordBotHarness.SelectId(second), "1"));

        Assert.Equal(9, filled.Type);
        Assert.Contains(StarExamples.Situation, filled.Data.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Typing_a_competency_in_star_gets_the_decks_competencies_as_autocomplete_choices()
    {
        await using var bot = await StartBotAsync();

        var (_, response) = await bot.SendAsync(FakeInteraction.Autocomplete("star", "competency", "co"));

        Assert.Equal(8, response.Type);
        var choices = response.Data.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(["collaboration", "communication", "conflict"], choices);
    }
}
