using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Features.Settings;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Interview;

/// <summary>
/// The review order in the last 14 days before the interview, and the countdown in <c>/stats</c> and <c>/plan</c>. Ada sees
/// her first card on Monday (Easy: FSRS stability about 8 days) and her second on Tuesday (Good: about 2 days); both are due
/// on Wednesday, the first the longer overdue, the second the more likely forgotten by the interview.
/// </summary>
public sealed class CountdownOrderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LearnerIdentity Ada = BotHarness.Ada;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-countdown-");
    private readonly FakeTimeProvider _clock = new(MondayMorning);
    private readonly RecordingMessenger _messenger = new();

    public ValueTask InitializeAsync()
    {
        InterviewCards.Write(_content, 2, "sql-basics", "spark");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<SettingsBot> StartAsync() =>
        SettingsBot.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), _clock, _messenger);

    /// <summary>Asks with <c>/quiz</c>, grades it; returns the question's text.</summary>
    private static async Task<string> AnswerAsync(SettingsBot bot, string grade, string command = "/quiz")
    {
        var question = await bot.SendAsync(Ada, CommandLine.Parse(command));
        var revealed = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(question, "Reveal answer").CustomId));
        await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(revealed, grade).CustomId));
        return question[0].Markdown;
    }

    private static string Card(string question) => question.Contains("Question 1:", StringComparison.Ordinal) ? "card-1" : "card-2";

    /// <summary>
    /// Monday: the first card Easy; Tuesday: the other card (asked by its topic, so the first, due again, is not served) Good.
    /// Returns them in that order and leaves the clock on Wednesday 10:00, when both are due.
    /// </summary>
    private async Task<(string Overdue, string Weak)> LearnTwoCardsAsync(SettingsBot bot)
    {
        var first = Card(await AnswerAsync(bot, "Easy"));
        _clock.Advance(TimeSpan.FromDays(1));
        var second = Card(await AnswerAsync(bot, "Good", first == "card-1" ? "/quiz topic:spark" : "/quiz topic:sql-basics"));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.NotEqual(first, second);
        return (first, second);
    }

    [Fact]
    public async Task In_the_last_14_days_the_card_with_the_lowest_recall_on_the_day_comes_before_a_more_overdue_one()
    {
        await using var bot = await StartAsync();
        var (_, weak) = await LearnTwoCardsAsync(bot);
        await bot.TypeAsync(Ada, "/me interview date:2026-03-14"); // Wednesday 4 Mar: 10 days left

        var next = Card((await bot.SendAsync(Ada, CommandLine.Parse("/review")))[0].Markdown);

        Assert.Equal(weak, next);
    }

    [Fact]
    public async Task Further_out_than_14_days_reviews_keep_the_usual_longest_overdue_first_order()
    {
        await using var bot = await StartAsync();
        var (overdue, _) = await LearnTwoCardsAsync(bot);
        await bot.TypeAsync(Ada, "/me interview date:2026-03-20"); // 16 days left

        var next = Card((await bot.SendAsync(Ada, CommandLine.Parse("/review")))[0].Markdown);

        Assert.Equal(overdue, next);
    }

    [Fact]
    public async Task Stats_and_plan_show_the_days_left_the_predicted_recall_on_the_day_and_the_pace()
    {
        await using var bot = await StartAsync();
        await LearnTwoCardsAsync(bot);
        await bot.TypeAsync(Ada, "/me interview date:2026-03-14 title:\"Data engineer, Acme\"");

        var stats = await bot.TypeAsync(Ada, "/stats");
        var plan = await bot.TypeAsync(Ada, "/plan");

        foreach (var reply in new[] { stats, plan })
        {
            Assert.Contains("**Interview** **Sat 14 Mar 2026** (Data engineer, Acme) — **in 10 days**", reply, StringComparison.Ordinal);
            Assert.Matches(@"- Predicted recall on the day, with no more reviews: \*\*\d+%\*\* over the 2 cards you have seen(?: \(\d reviews? to 90%\))? · 0 cards of the plan are not seen yet", reply);
            Assert.Matches(@"- Weakest topics on the day: `(spark|sql-basics)` \d+%(?: \(1 review to 90%\))? · `(spark|sql-basics)` \d+%", reply);
            Assert.Contains("New cards: none left", reply, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_an_interview_stats_and_plan_show_no_countdown()
    {
        await using var bot = await StartAsync();
        await AnswerAsync(bot, "Good");

        Assert.DoesNotContain("**Interview**", await bot.TypeAsync(Ada, "/stats"), StringComparison.Ordinal);
        Assert.DoesNotContain("**Interview**", await bot.TypeAsync(Ada, "/plan"), StringComparison.Ordinal);
    }
}
