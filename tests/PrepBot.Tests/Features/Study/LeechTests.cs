using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Features.Study;
using PrepBot.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>Leeches on a fixed clock: a card failed on its scheduled review for the 8th time is flagged once, with its explanation and hint.</summary>
public sealed class LeechTests : IDisposable
{
    private const string Card = """
        ---
        id: concept-late-data
        kind: concept
        title: Late-arriving data
        topic: data-landscape
        week: 1
        difficulty: easy
        ---

        ## Question

        How do you handle events that arrive after their day was loaded?

        ## Answer

        Reprocess the affected partitions.

        ## Hint

        Think about which partition an event belongs to.

        ## Explanation

        Partition by event time and re-run the days a late event lands in.
        """;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-leech-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public LeechTests()
    {
        _content.Write("concept/late-data.md", Card);
    }

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync(Action<IServiceCollection>? configure = null) =>
        BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "leech.db"), _time, configure);

    /// <summary>The next day, the card's scheduled review from <c>/review</c>: revealed and graded Again (a lapse). Returns the grade's replies.</summary>
    private async Task<IReadOnlyList<Reply>> LapseNextDayAsync(BotHarness bot)
    {
        _time.Advance(TimeSpan.FromDays(1));
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("review"));
        var revealed = await bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(question, "Reveal answer").CustomId));
        return await bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(revealed, "Again").CustomId));
    }

    [Fact]
    public async Task Card_becomes_a_leech_on_the_eighth_lapse_and_not_before_nor_again_after()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(BotHarness.Ada, "Good");
        for (var lapse = 1; lapse < 8; lapse++)
        {
            var before = await LapseNextDayAsync(bot);
            Assert.DoesNotContain(before, reply => reply.Markdown.Contains("leech", StringComparison.Ordinal));
        }

        var eighth = Assert.Single(await LapseNextDayAsync(bot));
        var ninth = await LapseNextDayAsync(bot);

        Assert.Contains("Recorded **Again**.", eighth.Markdown, StringComparison.Ordinal);
        Assert.Contains("🩹 **This card is a leech for you** — you have forgotten it 8 times after learning it.", eighth.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Explanation**\n\nPartition by event time and re-run the days a late event lands in.", eighth.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Hint:** Think about which partition an event belongs to.", eighth.Markdown, StringComparison.Ordinal);
        Assert.Equal([StudyFlow.SuspendLabel, "Keep going", "Undo"], eighth.Buttons.Select(b => b.Label));
        Assert.DoesNotContain(ninth, reply => reply.Markdown.Contains("leech", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_lists_the_learners_leeches_with_their_lapses()
    {
        await using var bot = await StartAsync(services => services.Configure<LearningOptions>(o => o.LeechLapses = 2));
        await bot.AnswerAsync(BotHarness.Ada, "Good");
        await LapseNextDayAsync(bot);
        Assert.DoesNotContain("Leeches", await bot.TypeAsync(BotHarness.Ada, "/stats"), StringComparison.Ordinal);

        var leech = Assert.Single(await LapseNextDayAsync(bot));
        var stats = await bot.TypeAsync(BotHarness.Ada, "/stats");

        Assert.Contains("forgotten it 2 times", leech.Markdown, StringComparison.Ordinal);
        Assert.Contains("- Leeches (1, cards you have forgotten 2 times or more", stats, StringComparison.Ordinal);
        Assert.Contains("  - **Late-arriving data** (`concept-late-data`) — 2 lapses", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_offered_on_the_leech_suspends_it()
    {
        await using var bot = await StartAsync(services => services.Configure<LearningOptions>(o => o.LeechLapses = 2));
        await bot.AnswerAsync(BotHarness.Ada, "Good");
        await LapseNextDayAsync(bot);
        var leech = await LapseNextDayAsync(bot);

        var suspended = await bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(leech, StudyFlow.SuspendLabel).CustomId));

        Assert.StartsWith("⏸ **Suspended** `concept-late-data`", suspended[0].Markdown, StringComparison.Ordinal);
        Assert.StartsWith("Nothing is due right now.", await bot.TypeAsync(BotHarness.Ada, "/review"), StringComparison.Ordinal);
    }
}
