using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>Which card <c>/quiz</c> serves, on a fixed clock: the learner's week first, earlier weak topics next, later weeks only when asked.</summary>
public sealed class CardPickerTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-picker-");

    // Monday 2 March 2026: Ada enrols on her first message, so this is the first day of her week 1.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "picker.db"), _time);

    [Fact]
    public async Task Quiz_serves_the_current_weeks_card_before_earlier_and_later_weeks()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("etl-1", "etl-elt", 2), ("airflow-1", "airflow", 3));
        await using var bot = await StartAsync();
        await bot.TypeAsync(BotHarness.Ada, "/plan start:2026-02-23");

        var question = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        Assert.Contains("Question of etl-1?", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_cards_follow_the_plans_topics_easy_before_hard_with_kinds_interleaved()
    {
        // By week, difficulty and id (the old order) the behavioural card came first.
        PlanCards.WriteDeck(_content,
            ("windows-a", "window-functions", 1, "easy"), ("windows-b", "window-functions", 1, "easy"),
            ("zz-joins-hard", "sql-joins", 1, "hard"), ("zz-joins-easy", "sql-joins", 1, "easy"));
        _content.Write("behavioral/a-story.md", PlanCards.Behavioral("a-story", 1));
        await using var bot = await StartAsync();

        var first = await bot.AnswerAsync(BotHarness.Ada, "Good");
        var second = await bot.AnswerAsync(BotHarness.Ada, "Good");
        var third = await bot.AnswerAsync(BotHarness.Ada, "Good");

        Assert.Contains("Question of zz-joins-easy?", first, StringComparison.Ordinal);
        Assert.Contains("Question of zz-joins-hard?", second, StringComparison.Ordinal);
        Assert.Contains("Prompt of a-story?", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_of_later_weeks_are_not_served_until_asked_for_by_week_or_topic()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("airflow-1", "airflow", 3), ("kafka-1", "kafka", 7));
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Good");

        var nothing = await bot.TypeAsync(BotHarness.Ada, "/quiz");
        var byWeek = await bot.TypeAsync(BotHarness.Ada, "/quiz week:3");
        var byTopic = await bot.TypeAsync(BotHarness.Ada, "/quiz topic:kafka");

        Assert.StartsWith("You have answered every card up to your week of the plan and nothing is due.", nothing, StringComparison.Ordinal);
        Assert.Contains("Question of airflow-1?", byWeek, StringComparison.Ordinal);
        Assert.Contains("Question of kafka-1?", byTopic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_current_week_has_nothing_new_the_weakest_earlier_topic_comes_next()
    {
        PlanCards.WriteDeck(_content,
            ("joins-1", "sql-joins", 1, "easy"), ("joins-2", "sql-joins", 1, "medium"), ("windows-1", "window-functions", 1, "easy"), ("windows-2", "window-functions", 1, "medium"));
        await using var bot = await StartAsync();
        Assert.Contains("Question of joins-1?", await bot.AnswerAsync(BotHarness.Ada, "Good"), StringComparison.Ordinal);
        Assert.Contains("Question of windows-1?", await bot.AnswerAsync(BotHarness.Ada, "Again", "/quiz topic:window-functions"), StringComparison.Ordinal);
        await bot.TypeAsync(BotHarness.Ada, "/plan start:2026-02-16");

        var question = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        // By the plan's topic order joins-2 would come first; window-functions has the lower retention (0% against 100%).
        Assert.Contains("Question of windows-2?", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_never_reviewed_counts_as_weaker_than_one_remembered()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("joins-2", "sql-joins", 1), ("windows-1", "window-functions", 1));
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Easy");
        await bot.TypeAsync(BotHarness.Ada, "/plan start:2026-02-16");

        var question = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        Assert.Contains("Question of windows-1?", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_review_comes_before_a_new_card_of_the_current_week()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1, "easy"), ("joins-2", "sql-joins", 1, "medium"));
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Good");

        _time.Advance(TimeSpan.FromDays(1));
        var question = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        Assert.Contains("Question of joins-1?", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retired_card_is_not_served_even_when_it_is_due()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1, "easy"), ("joins-2", "sql-joins", 1, "medium"));
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Good");
        _content.Write("concept/joins-1.md", PlanCards.Reveal("joins-1", "sql-joins", 1, retired: true));
        bot.Services.GetRequiredService<CardCatalog>().LoadAll();

        _time.Advance(TimeSpan.FromDays(1));
        var question = await bot.TypeAsync(BotHarness.Ada, "/quiz");

        Assert.Contains("Question of joins-2?", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asked_for_week_with_everything_answered_says_so()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1));
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Good");

        var reply = await bot.TypeAsync(BotHarness.Ada, "/quiz week:1");

        Assert.StartsWith("You have answered every card of week 1 and none is due.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_topic_gets_the_closest_known_one()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1));
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(BotHarness.Ada, "/quiz topic:windw-functions");

        Assert.Equal("There is no topic `windw-functions`. Did you mean `window-functions`?", reply);
    }
}
