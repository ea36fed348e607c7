using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Features.Study;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>"Not now" on a new card, on a fixed clock: the next card comes, the skipped one is back the next study day and not before.</summary>
public sealed class NotNowTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-notnow-");

    // Monday 2 March 2026, 18:00 UTC: Ada's study day (Etc/UTC) runs until 04:00 on Tuesday.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public NotNowTests()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1, "easy"), ("joins-2", "sql-joins", 1, "medium"));
    }

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "notnow.db"), _time);

    private static Task<IReadOnlyList<Reply>> PressAsync(BotHarness bot, IReadOnlyList<Reply> replies, string label) =>
        bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(replies, label).CustomId));

    [Fact]
    public async Task Not_now_serves_the_next_new_card_and_records_no_review()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var skipped = await PressAsync(bot, question, StudyFlow.NotNowLabel);

        Assert.Contains("Question of joins-1?", question[0].Markdown, StringComparison.Ordinal);
        Assert.StartsWith("⏭ **Not now** — `joins-1` comes back tomorrow at the earliest.", skipped[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Question of joins-2?", skipped[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("**0** today", await bot.TypeAsync(BotHarness.Ada, "/stats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipped_card_is_not_served_again_that_study_day_even_after_a_restart_and_is_served_the_next()
    {
        await using (var bot = await StartAsync())
        {
            var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
            await PressAsync(bot, question, StudyFlow.NotNowLabel);
        }

        await using var restarted = await StartAsync();
        _time.Advance(TimeSpan.FromHours(10) - TimeSpan.FromMinutes(1)); // 03:59 on Tuesday: still Monday's study day
        var sameDay = await restarted.TypeAsync(BotHarness.Ada, "/quiz");
        _time.Advance(TimeSpan.FromMinutes(1)); // 04:00: Tuesday's study day begins
        var nextDay = await restarted.TypeAsync(BotHarness.Ada, "/quiz");

        Assert.Contains("Question of joins-2?", sameDay, StringComparison.Ordinal);
        Assert.Contains("Question of joins-1?", nextDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_now_pressed_twice_puts_the_card_aside_once()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var first = await PressAsync(bot, question, StudyFlow.NotNowLabel);
        var second = await PressAsync(bot, question, StudyFlow.NotNowLabel);

        Assert.Contains("Question of joins-2?", first[0].Markdown, StringComparison.Ordinal);
        Assert.Equal("`joins-1` is already put aside until tomorrow.", Assert.Single(second).Markdown);
    }

    [Fact]
    public async Task Two_concurrent_Not_now_presses_put_the_card_aside_once()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var replies = await Task.WhenAll(PressAsync(bot, question, StudyFlow.NotNowLabel), PressAsync(bot, question, StudyFlow.NotNowLabel));

        Assert.Single(replies, r => r[0].Markdown.Contains("Question of joins-2?", StringComparison.Ordinal));
        Assert.Single(replies, r => r[0].Markdown == "`joins-1` is already put aside until tomorrow.");
    }

    [Fact]
    public async Task Not_now_on_a_card_answered_since_is_refused_and_changes_nothing()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var revealed = await PressAsync(bot, question, "Reveal answer");
        await PressAsync(bot, revealed, "Again");

        var refused = await PressAsync(bot, question, StudyFlow.NotNowLabel);

        Assert.StartsWith("You have answered `joins-1` since, so it is not new any more", Assert.Single(refused).Markdown, StringComparison.Ordinal);
        Assert.Contains("Due now: **1**", await bot.TypeAsync(BotHarness.Ada, "/stats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_question_has_no_Not_now_and_a_skip_of_it_is_refused()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Good");
        _time.Advance(TimeSpan.FromDays(1));
        var review = await bot.SendAsync(BotHarness.Ada, new CommandInput("review"));
        Assert.True(StudyToken.TryParse(StudyActions.Button(review, "Reveal answer").CustomId, out var token));

        var refused = await bot.SendAsync(BotHarness.Ada, new ButtonInput(token.With(StudyAction.Skip).Format()));

        Assert.DoesNotContain(review.SelectMany(r => r.Buttons), b => b.Label == StudyFlow.NotNowLabel);
        Assert.Equal("\"Not now\" is for new cards, and `joins-1` is a review: grade it, or suspend it from its answer.", Assert.Single(refused).Markdown);
    }
}
