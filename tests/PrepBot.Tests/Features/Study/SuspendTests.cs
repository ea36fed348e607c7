using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Features.Study;
using PrepBot.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>Suspend from an answer, <c>/cards suspended</c> and resume: a suspended card is never served and never due.</summary>
public sealed class SuspendTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-suspend-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public SuspendTests()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1, "easy"), ("joins-2", "sql-joins", 1, "medium"));
    }

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "suspend.db"), _time);

    private static Task<IReadOnlyList<Reply>> PressAsync(BotHarness bot, IReadOnlyList<Reply> replies, string label) =>
        bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(replies, label).CustomId));

    [Fact]
    public async Task Suspended_card_is_not_served_nor_due_is_listed_and_after_resume_is_served_again()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var revealed = await PressAsync(bot, question, "Reveal answer");
        var graded = await PressAsync(bot, revealed, "Again");
        Assert.Contains("Due now: **1**", await bot.TypeAsync(BotHarness.Ada, "/stats"), StringComparison.Ordinal);

        var suspended = await PressAsync(bot, graded, StudyFlow.SuspendLabel);

        Assert.StartsWith("⏸ **Suspended** `joins-1`", suspended[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Due now: **0**", await bot.TypeAsync(BotHarness.Ada, "/stats"), StringComparison.Ordinal);
        Assert.StartsWith("Nothing is due right now.", await bot.TypeAsync(BotHarness.Ada, "/review"), StringComparison.Ordinal);
        Assert.Contains("Question of joins-2?", await bot.TypeAsync(BotHarness.Ada, "/quiz"), StringComparison.Ordinal);
        var list = await bot.SendAsync(BotHarness.Ada, CommandLine.Parse("/cards suspended"));
        Assert.Contains("- **joins-1** (`joins-1`, Concept, week 1) — suspended 2 Mar 2026", list[0].Markdown, StringComparison.Ordinal);

        var resumed = await PressAsync(bot, list, "Resume joins-1");

        Assert.StartsWith("▶ **Resumed** `joins-1`.", resumed[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Question of joins-1?", await bot.TypeAsync(BotHarness.Ada, "/review"), StringComparison.Ordinal);
        Assert.StartsWith("You have no suspended cards.", await bot.TypeAsync(BotHarness.Ada, "/cards suspended"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspended_card_is_left_out_of_every_due_query_reminders_included()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Again");
        var reviews = bot.Services.GetRequiredService<ReviewStore>();
        var now = _time.GetUtcNow();
        const long learner = 1; // Ada, the database's first learner: her Again made the card due now
        Assert.Equal("joins-1", Assert.Single(await reviews.GetDueAsync(learner, now, 10, TestContext.Current.CancellationToken)).CardId);

        Assert.True(await bot.Services.GetRequiredService<CardHoldStore>().SuspendAsync(learner, "joins-1", TestContext.Current.CancellationToken));

        var scanned = new List<string>();
        await reviews.ScanAllDueAsync(now, (_, card) => scanned.Add(card), TestContext.Current.CancellationToken);
        Assert.Empty(scanned);
        Assert.Empty(await reviews.GetDueAsync(learner, now, 10, TestContext.Current.CancellationToken));
        Assert.Empty(await reviews.GetDueUntilAsync(learner, DateTimeOffset.MaxValue, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task New_card_suspended_from_its_revealed_answer_is_not_served_until_resumed_by_command()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var revealed = await PressAsync(bot, question, "Reveal answer");

        await PressAsync(bot, revealed, StudyFlow.SuspendLabel);
        var instead = await bot.TypeAsync(BotHarness.Ada, "/quiz");
        var resumed = await bot.TypeAsync(BotHarness.Ada, "/cards resume card:joins-1");
        var again = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        Assert.Contains("Question of joins-2?", instead, StringComparison.Ordinal);
        Assert.StartsWith("▶ **Resumed** `joins-1`.", resumed, StringComparison.Ordinal);
        Assert.Contains("Question of joins-1?", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_pressed_twice_says_it_is_already_suspended()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var revealed = await PressAsync(bot, question, "Reveal answer");

        await PressAsync(bot, revealed, StudyFlow.SuspendLabel);
        var second = await PressAsync(bot, revealed, StudyFlow.SuspendLabel);

        Assert.StartsWith("`joins-1` is already suspended", second[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_a_card_that_is_not_suspended_says_so()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(BotHarness.Ada, "/cards resume card:joins-2");

        Assert.Equal("`joins-2` is not one of your suspended cards; `/cards suspended` lists them.", reply);
    }

    [Fact]
    public async Task Someone_elses_resume_button_is_refused()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        await PressAsync(bot, await PressAsync(bot, question, "Reveal answer"), StudyFlow.SuspendLabel);
        var list = await bot.SendAsync(BotHarness.Ada, CommandLine.Parse("/cards suspended"));

        var stolen = await bot.SendAsync(BotHarness.Grace, new ButtonInput(StudyActions.Button(list, "Resume joins-1").CustomId));

        Assert.StartsWith("This list belongs to someone else.", stolen[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("joins-1", await bot.TypeAsync(BotHarness.Ada, "/cards suspended"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_list_is_paged()
    {
        PlanCards.WriteDeck(_content, [.. Enumerable.Range(1, 12).Select(i => ($"card-{i:00}", "sql-joins", 1))]);
        await using var bot = await StartAsync();
        for (var i = 0; i < 12; i++)
        {
            var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
            await PressAsync(bot, await PressAsync(bot, question, "Reveal answer"), StudyFlow.SuspendLabel);
        }

        var first = await bot.SendAsync(BotHarness.Ada, CommandLine.Parse("/cards suspended"));
        var second = await PressAsync(bot, first, "Next page");

        Assert.Contains("12 in all, page 1 of 2", first[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(SuspendedCardsHandler.PageSize + 1, first[0].Buttons.Count);
        Assert.Contains("page 2 of 2", second[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(2, second[0].Buttons.Count);
    }
}
