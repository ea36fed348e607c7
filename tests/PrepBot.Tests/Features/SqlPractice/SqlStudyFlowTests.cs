using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Study;
using PrepBot.Rendering;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.SqlPractice;

/// <summary>A SQL card answered through the real host: question with tables, the query form, verdicts, and SM-2 grades.</summary>
public sealed class SqlStudyFlowTests : IDisposable
{
    private const string Reference = "SELECT c.name, COUNT(o.id) AS orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id";
    private const string Right = "SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c";
    private const string Wrong = "SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id";

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-sqlflow-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public SqlStudyFlowTests()
    {
        _content.Write("datasets/shop.sql", SqlFixtures.Shop);
        _content.Write("sql/orders.md", SqlFixtures.Card("sql-orders", Reference));
    }

    private string DatabasePath => Path.Combine(_data.FullName, "flow.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);

    private static string Button(IReadOnlyList<Reply> replies, string label) =>
        replies.SelectMany(r => r.Buttons).Single(b => b.Label == label).CustomId;

    /// <summary>Presses the button, then submits the form it opens with <paramref name="query"/>.</summary>
    private static async Task<IReadOnlyList<Reply>> AnswerAsync(BotHarness bot, string buttonId, string query)
    {
        var form = Assert.Single(await bot.SendAsync(BotHarness.Ada, new ButtonInput(buttonId)));
        var modal = Assert.IsType<ModalRequest>(form.Modal);
        return await bot.SendAsync(BotHarness.Ada, new ModalInput(modal.CustomId, new Dictionary<string, string> { [CardPresenter.AnswerFieldId] = query }));
    }

    private async Task<List<ReviewLog>> LogsAsync()
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new PrepBotDbContext(options);
        return await db.ReviewLogs.OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<SqlAttempt>> AttemptsAsync()
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new PrepBotDbContext(options);
        return await db.SqlAttempts.OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Question_shows_the_tables_the_answer_uses_within_one_discord_message()
    {
        await using var bot = await StartAsync();

        var question = Assert.Single(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")));

        Assert.Contains("**customers** · 4 rows\n```\nid       name   country\nINTEGER  TEXT   TEXT\n", question.Markdown, StringComparison.Ordinal);
        Assert.Contains("**orders** · 5 rows", question.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**scores**", question.Markdown, StringComparison.Ordinal);
        Assert.True(MarkdownRenderer.ToDiscord(question.Markdown).Length <= MessageSplitter.DiscordMessageLimit);
        Assert.Equal(["Write a query", "Reveal answer", "Hint", "Not now"], question.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Accepted_first_try_soon_after_opening_the_form_records_easy()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var replies = await AnswerAsync(bot, Button(question, "Write a query"), Right);

        Assert.StartsWith("✅ **Accepted.** Your query returns the expected 4 rows. First try, no hint, and quick.", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("**Reference**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Easy**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(5, Assert.Single(await LogsAsync()).Quality);
    }

    [Fact]
    public async Task Accepted_first_try_after_the_fast_window_records_good()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var form = Assert.Single(await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Write a query"))));
        _time.Advance(TimeSpan.FromMinutes(5));

        var replies = await bot.SendAsync(BotHarness.Ada, new ModalInput(form.Modal!.CustomId, new Dictionary<string, string> { ["answer"] = Right }));

        Assert.Contains("Recorded **Good**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(await LogsAsync()).Quality);
    }

    [Fact]
    public async Task Rejected_query_gets_private_feedback_and_records_nothing_yet()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var reply = Assert.Single(await AnswerAsync(bot, Button(question, "Write a query"), Wrong));

        Assert.StartsWith("❌ **Not yet.** You returned 3 rows, the answer has 4.", reply.Markdown, StringComparison.Ordinal);
        Assert.True(reply.IsPrivate);
        Assert.Equal(["Try again", "Hint", "Give up"], reply.Buttons.Select(b => b.Label));
        Assert.Empty(await LogsAsync());
    }

    [Fact]
    public async Task Accepted_after_a_rejected_try_records_hard()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var rejected = await AnswerAsync(bot, Button(question, "Write a query"), Wrong);

        var replies = await AnswerAsync(bot, Button(rejected, "Try again"), Right);

        Assert.Contains("After 1 earlier try.", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Hard**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(await LogsAsync()).Quality);
    }

    [Fact]
    public async Task Accepted_with_the_hint_records_hard()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var withHint = await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Hint")));

        var replies = await AnswerAsync(bot, Button(withHint, "Write a query"), Right);

        Assert.Contains("With the hint.", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(await LogsAsync()).Quality);
    }

    [Fact]
    public async Task Giving_up_shows_the_answer_and_its_result_and_records_again()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var rejected = await AnswerAsync(bot, Button(question, "Write a query"), Wrong);

        var replies = await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(rejected, "Give up")));

        Assert.StartsWith("Here is the answer.\n\n**Reference**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("**Expected result** (4 rows)", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Again**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(await LogsAsync()).Quality);
    }

    [Fact]
    public async Task Tries_are_counted_across_a_restart()
    {
        string tryAgain;
        await using (var bot = await StartAsync())
        {
            var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
            tryAgain = Button(await AnswerAsync(bot, Button(question, "Write a query"), Wrong), "Try again");
        }

        await using var restarted = await StartAsync();
        var replies = await AnswerAsync(restarted, tryAgain, Right);

        Assert.Contains("Recorded **Hard**", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(
            [SqlAttemptOutcome.Opened, SqlAttemptOutcome.Rejected, SqlAttemptOutcome.Opened, SqlAttemptOutcome.Accepted],
            (await AttemptsAsync()).Select(a => a.Outcome));
    }

    [Fact]
    public async Task Submitting_the_accepted_answer_again_counts_once()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var form = Assert.Single(await bot.SendAsync(BotHarness.Ada, new ButtonInput(Button(question, "Write a query"))));
        var submit = new ModalInput(form.Modal!.CustomId, new Dictionary<string, string> { ["answer"] = Right });
        await bot.SendAsync(BotHarness.Ada, submit);

        var again = await bot.SendAsync(BotHarness.Ada, submit);

        Assert.Contains("✅ **Accepted.**", again[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("already recorded", again[0].Markdown, StringComparison.Ordinal);
        Assert.Single(await LogsAsync());
    }

    [Fact]
    public async Task Refused_statement_is_stored_and_explained()
    {
        await using var bot = await StartAsync();
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));

        var reply = Assert.Single(await AnswerAsync(bot, Button(question, "Write a query"), "DROP TABLE orders"));

        Assert.StartsWith("🚫 **Not run.** DROP is not allowed here", reply.Markdown, StringComparison.Ordinal);
        var attempt = (await AttemptsAsync()).Last();
        Assert.Equal((SqlAttemptOutcome.Refused, "DROP TABLE orders", "sql-orders", 0), (attempt.Outcome, attempt.Query, attempt.CardId, attempt.StateVersion));
    }
}
