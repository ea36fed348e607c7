using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>Questions, answers and grades through the router, as a transport sends them.</summary>
public sealed class StudyFlowTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-flow-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public StudyFlowTests()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
    }

    private string DatabasePath => Path.Combine(_data.FullName, "flow.db");

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private static ReplyButton Button(IReadOnlyList<Reply> replies, string label) =>
        replies.SelectMany(r => r.Buttons).Single(b => b.Label == label);

    [Fact]
    public async Task Same_grade_button_pressed_again_after_a_restart_counts_once()
    {
        string goodButton;
        await using (var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time))
        {
            var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
            var revealed = await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Reveal answer").CustomId));
            goodButton = Button(revealed, "Good").CustomId;
            var first = await bot.SendAsync(BotHarness.Ada, new ButtonInput(goodButton));
            Assert.Contains("Recorded **Good**", first[0].Markdown, StringComparison.Ordinal);
        }

        await using var restarted = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var second = await restarted.SendAsync(BotHarness.Ada, new ButtonInput(goodButton));

        Assert.Contains("already recorded", second[0].Markdown, StringComparison.Ordinal);
        var stats = await restarted.SendAsync(BotHarness.Ada, new CommandInput("stats"));
        Assert.Contains("**1** today", stats[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_button_is_refused_and_records_nothing()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var revealed = await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Reveal answer").CustomId));

        var stolen = await bot.SendAsync(BotHarness.Grace, new ButtonInput(Button(revealed, "Easy").CustomId));

        Assert.Contains("sent to someone else", stolen[0].Markdown, StringComparison.Ordinal);
        var stats = await bot.SendAsync(BotHarness.Ada, new CommandInput("stats"));
        Assert.Contains("**0** today", stats[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_for_a_card_removed_from_the_deck_says_so()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);

        var replies = await bot.SendAsync(BotHarness.Ada, new ButtonInput("study:r:q:1:0:-:concept-gone"));

        Assert.Contains("`concept-gone` is no longer in the deck", replies[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_button_id_gets_a_clear_reply()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);

        var replies = await bot.SendAsync(BotHarness.Ada, new ButtonInput("study:zz:x"));

        Assert.Contains("does not recognise that button", replies[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_an_answer_opens_a_form_and_its_submission_reveals_with_the_answer_quoted()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var form = await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Write an answer").CustomId));
        var modal = Assert.Single(form).Modal!;
        var submitted = await bot.SendAsync(BotHarness.Ada, new ModalInput(modal.CustomId, new Dictionary<string, string> { ["answer"] = "Overwrite the partition" }));

        Assert.True(Assert.Single(modal.Fields).IsParagraph);
        Assert.Contains("> Overwrite the partition", submitted[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(["Again", "Hard", "Good", "Easy", "Suspend"], submitted[0].Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Card_removed_from_the_deck_is_no_longer_counted_or_served_as_due()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var revealed = await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Reveal answer").CustomId));
        await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(revealed, "Again").CustomId));
        Assert.Contains("Due now: **1**", (await bot.SendAsync(BotHarness.Ada, new CommandInput("stats")))[0].Markdown, StringComparison.Ordinal);

        _content.Delete("concept/idempotency.md");
        bot.Services.GetRequiredService<CardCatalog>().LoadAll();

        Assert.Contains("Due now: **0**", (await bot.SendAsync(BotHarness.Ada, new CommandInput("stats")))[0].Markdown, StringComparison.Ordinal);
        Assert.StartsWith("Nothing is due right now.", (await bot.SendAsync(BotHarness.Ada, new CommandInput("review")))[0].Markdown, StringComparison.Ordinal);
    }
}
