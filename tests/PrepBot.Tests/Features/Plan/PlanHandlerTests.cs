using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Plan;

/// <summary><c>/plan</c> through the router: the learner's week, the topic checklist, other weeks and the start date.</summary>
public sealed class PlanHandlerTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-plan-");

    // Monday 2 March 2026, 18:00 UTC: Ada enrols on her first message, so her week 1 starts today.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PlanHandlerTests() =>
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("joins-2", "sql-joins", 1), ("joins-3", "sql-joins", 1), ("windows-1", "window-functions", 1));

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "plan.db"), _time);

    [Fact]
    public async Task Plan_without_a_start_shows_week_1_from_the_enrolment_day_and_says_so()
    {
        await using var bot = await StartAsync();

        var text = await bot.TypeAsync(BotHarness.Ada, "/plan");

        Assert.StartsWith("**Week 1 of 16 — Theme of week 1** · this week", text, StringComparison.Ordinal);
        Assert.Contains("Your week 1 starts on Mon 2 Mar 2026 (the day you enrolled; set your own start with `/plan start:YYYY-MM-DD`)", text, StringComparison.Ordinal);
        Assert.Contains("**Goals**\n\n- Goal of week 1.", text, StringComparison.Ordinal);
        Assert.Contains("**Build**\n\n- Project of week 1.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_counts_cards_seen_and_the_share_of_reviews_graded_hard_or_better_per_topic()
    {
        await using var bot = await StartAsync();
        // Two of sql-joins' three easy cards, in Ada's own order (equal cards of a topic no longer go by id).
        Assert.Contains("· sql-joins · easy*", await bot.AnswerAsync(BotHarness.Ada, "Again"), StringComparison.Ordinal);
        Assert.Contains("· sql-joins · easy*", await bot.AnswerAsync(BotHarness.Ada, "Good"), StringComparison.Ordinal);

        var text = await bot.TypeAsync(BotHarness.Ada, "/plan");

        Assert.Contains("- [ ] `sql-joins` — about sql-joins: 2/3 cards seen · retention 50% (2 reviews)", text, StringComparison.Ordinal);
        Assert.Contains("- [ ] `window-functions` — about window-functions: 0/1 cards seen · no reviews yet", text, StringComparison.Ordinal);
        Assert.Contains("- [ ] `behavioral` — about behavioral: no cards yet · no reviews yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_is_ticked_once_every_card_of_it_has_been_seen()
    {
        await using var bot = await StartAsync();

        await bot.AnswerAsync(BotHarness.Ada, "Good", "/quiz topic:window-functions");

        Assert.Contains("- [x] `window-functions` — about window-functions: 1/1 cards seen · retention 100% (1 review)",
            await bot.TypeAsync(BotHarness.Ada, "/plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_counts_only_the_last_30_study_days()
    {
        await using (var before = await StartAsync())
        {
            await before.AnswerAsync(BotHarness.Ada, "Good");
        }

        // Moved while no host runs: advancing a running host's clock by weeks fires its periodic timers for every period.
        _time.SetUtcNow(_time.GetUtcNow().AddDays(30));
        await using var bot = await StartAsync();
        var text = await bot.TypeAsync(BotHarness.Ada, "/plan week:1");

        Assert.Contains("`sql-joins` — about sql-joins: 1/3 cards seen · no reviews yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Week_option_shows_another_week_and_which_week_the_learner_is_on()
    {
        await using var bot = await StartAsync();

        var replies = await bot.SendAsync(BotHarness.Ada, CommandLine.Parse("/plan week:3"));

        var text = replies[0].Markdown;
        Assert.StartsWith("**Week 3 of 16 — Theme of week 3** · you are on week 1\n_Week 3 runs Mon 16 Mar 2026 to Sun 22 Mar 2026._", text, StringComparison.Ordinal);
        Assert.Contains("- [ ] `airflow` — about airflow: no cards yet", text, StringComparison.Ordinal);
        Assert.Equal(["Quiz me on week 3", "Week 2", "Week 4"], replies[0].Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Start_sets_week_1_and_says_which_week_today_is()
    {
        await using var bot = await StartAsync();

        var set = await bot.TypeAsync(BotHarness.Ada, "/plan start:2026-02-16");
        var plan = await bot.TypeAsync(BotHarness.Ada, "/plan");

        Assert.StartsWith("✅ Your week 1 now starts on **Mon 16 Feb 2026**: today (Mon 2 Mar 2026) is **week 3** of 16.", set, StringComparison.Ordinal);
        Assert.StartsWith("**Week 3 of 16 — Theme of week 3** · this week", plan, StringComparison.Ordinal);
        Assert.Contains("(set with `/plan start`)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_in_the_future_keeps_the_learner_on_week_1_until_then()
    {
        await using var bot = await StartAsync();

        var set = await bot.TypeAsync(BotHarness.Ada, "/plan start:2026-03-09");

        Assert.StartsWith("✅ Your week 1 now starts on **Mon 9 Mar 2026**, in 7 days. Until then PrepBot treats you as in week 1.", set, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30", "`start` of `/plan` must be a date written YYYY-MM-DD, e.g. `2026-03-02` (got `2026-02-30`).")]
    [InlineData("02/03/2026", "`start` of `/plan` must be a date written YYYY-MM-DD, e.g. `2026-03-02` (got `02/03/2026`).")]
    [InlineData("tomorrow", "`start` of `/plan` must be a date written YYYY-MM-DD, e.g. `2026-03-02` (got `tomorrow`).")]
    [InlineData("2025-02-01", "`start` of `/plan` must be within a year of today (2026-03-02); got `2025-02-01`.")]
    [InlineData("2027-03-10", "`start` of `/plan` must be within a year of today (2026-03-02); got `2027-03-10`.")]
    public async Task Start_that_is_not_a_date_near_today_is_refused_and_changes_nothing(string start, string message)
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(BotHarness.Ada, $"/plan start:\"{start}\"");

        Assert.Equal(message, reply);
        Assert.Contains("the day you enrolled", await bot.TypeAsync(BotHarness.Ada, "/plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_and_week_together_are_refused()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(BotHarness.Ada, "/plan start:2026-02-16 week:3");

        Assert.Equal("`/plan` takes `start:` or `week:`, not both: set your start first, then look at a week.", reply);
    }

    [Fact]
    public async Task After_week_16_the_plan_stays_on_week_16_and_says_it_is_finished()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(BotHarness.Ada, "/plan start:2025-11-10");

        var text = await bot.TypeAsync(BotHarness.Ada, "/plan");

        Assert.StartsWith("**Week 16 of 16 — Theme of week 16** · this week\n_🎓 Plan finished: week 16 ended on Sun 1 Mar 2026.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_plan_file_the_week_and_its_card_topics_are_still_shown()
    {
        _content.Delete("plan.md");
        await using var bot = await StartAsync();

        var text = await bot.TypeAsync(BotHarness.Ada, "/plan");

        Assert.StartsWith("**Week 1 of 16** · this week", text, StringComparison.Ordinal);
        Assert.Contains("This deck has no plan yet", text, StringComparison.Ordinal);
        Assert.Contains("- [ ] `sql-joins`: 0/3 cards seen · no reviews yet", text, StringComparison.Ordinal);
    }
}
