using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>Multiple choice through the router: each learner's own stable order, and grades for the option pressed.</summary>
public sealed class ShuffledChoicesFlowTests : IDisposable
{
    private const string Right = "Scans over a few columns of many rows";

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-shuffle-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public ShuffledChoicesFlowTests()
    {
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice);
    }

    private string DatabasePath => Path.Combine(_data.FullName, "shuffle.db");

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private static ReplySelect Menu(IReadOnlyList<Reply> replies) => replies.Single(r => r.Select is not null).Select!;

    private static string[] Labels(IReadOnlyList<Reply> replies) => [.. Menu(replies).Options.Select(o => o.Label[3..])];

    [Fact]
    public async Task A_learner_sees_the_same_order_on_a_re_render_and_after_a_restart()
    {
        string[] first, again;
        await using (var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time))
        {
            first = Labels(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));
            again = Labels(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));
        }

        await using var restarted = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var afterRestart = Labels(await restarted.SendAsync(BotHarness.Ada, new CommandInput("quiz")));

        Assert.Equal(first, again);
        Assert.Equal(first, afterRestart);
    }

    [Fact]
    public async Task Two_learners_see_the_options_in_different_orders()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);

        var ada = Labels(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));
        var grace = Labels(await bot.SendAsync(BotHarness.Grace, new CommandInput("quiz")));

        Assert.Equal(ada.Order(), grace.Order());
        Assert.NotEqual(ada, grace);
    }

    [Fact]
    public async Task The_grade_is_for_the_option_pressed_and_the_feedback_names_options_by_text()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var adaMenu = Menu(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));
        var graceMenu = Menu(await bot.SendAsync(BotHarness.Grace, new CommandInput("quiz")));
        var adaRight = adaMenu.Options.Single(o => o.Label.EndsWith(Right, StringComparison.Ordinal));
        var graceWrong = graceMenu.Options.First(o => !o.Label.EndsWith(Right, StringComparison.Ordinal));

        var adaFeedback = await bot.SendAsync(BotHarness.Ada, new SelectInput(adaMenu.CustomId, [adaRight.Value]));
        var graceFeedback = await bot.SendAsync(BotHarness.Grace, new SelectInput(graceMenu.CustomId, [graceWrong.Value]));

        Assert.Contains("✅ **Correct.**", adaFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Good**", adaFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.Contains($"**The answer**\n- {Right}", adaFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("❌ **Not quite.**", graceFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.Contains($"**You chose**\n- {graceWrong.Label[3..]}", graceFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.Contains($"**The answer**\n- {Right}", graceFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Again**", graceFeedback[0].Markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"You chose [A-E]\b|answer is [A-E]\b", graceFeedback[0].Markdown);
    }

    [Fact]
    public async Task A_menu_from_before_options_were_shuffled_is_graded_in_file_order()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var menu = Menu(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));

        // Old menus carried the letter of the file order: B is the second option written, the right one.
        var replies = await bot.SendAsync(BotHarness.Ada, new SelectInput(menu.CustomId, ["B"]));

        Assert.Contains("Recorded **Good**", replies[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_names_no_option_is_refused_and_records_nothing()
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);
        var menu = Menu(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));

        var replies = await bot.SendAsync(BotHarness.Ada, new SelectInput(menu.CustomId, ["o7"]));

        Assert.Contains("not one of the options of `concept-columnar`", replies[0].Markdown, StringComparison.Ordinal);
        var stats = await bot.SendAsync(BotHarness.Ada, new CommandInput("stats"));
        Assert.Contains("**0** today", stats[0].Markdown, StringComparison.Ordinal);
    }
}
