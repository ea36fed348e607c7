using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Hosting;
using PrepBot.Tests.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Cards;

/// <summary><c>content stats</c> on the command line and the same figures in <c>/card show</c>, on a database the test fills.</summary>
public sealed class ContentStatsTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice);
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        _db = await TestDatabase.CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _content.Dispose();
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        SqliteConnection.ClearAllPools();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(
            ["content", "stats", .. args, $"--Data:DatabasePath={_db.Path}", $"--Content:Directory={_content.ContentDirectory}"],
            output: output,
            error: error);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    [Fact]
    public async Task Content_stats_prints_every_answered_card_worst_first_with_its_figures_and_options()
    {
        await StatsHistory.WriteAsync(_db, _time);

        var (exit, output, error) = await RunAsync("--Learning:LeechLapses=2");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            $"""
            Card statistics from {_db.Path}: 2 cards with 1 review or more, worst first: by lapse rate (scheduled reviews failed), then by share wrong at first sight (first answer below Hard, or a wrong option).
            Undone grades are left out. A leech is a learner's card failed 2 or more times on scheduled reviews (Learning:LeechLapses).

            1. concept-idempotency — Concept · week 1 · data-landscape
               learners 1 · reviews 3 · lapse rate 100% (2 of 2) · wrong at first sight 0% (0 of 1) · leeches 1

            2. concept-columnar — Concept · week 1 · data-landscape
               learners 3 · reviews 6 · lapse rate 50% (1 of 2) · wrong at first sight 33% (1 of 3) · leeches 0
               options chosen (6 answers):
                 A. Single-row updates — 2 (33%)
               ✓ B. Scans over a few columns of many rows — 4 (67%)
                 C. Point look-ups by key — 0 (0%) ← never chosen

            """,
            output);
    }

    [Fact]
    public async Task Min_reviews_leaves_out_cards_with_fewer_grades()
    {
        await StatsHistory.WriteAsync(_db, _time);

        var (exit, output, _) = await RunAsync("--min-reviews", "4");

        Assert.Equal(0, exit);
        Assert.Contains(": 1 card with 4 reviews or more,", output, StringComparison.Ordinal);
        Assert.DoesNotContain("concept-idempotency", output, StringComparison.Ordinal);
        Assert.Contains("1. concept-columnar", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answered_card_says_so()
    {
        var (exit, output, _) = await RunAsync("--min-reviews=2");

        Assert.Equal(0, exit);
        Assert.Equal($"No card has 2 reviews or more in {_db.Path} yet.\n", output);
    }

    [Theory]
    [InlineData("abc", "--min-reviews needs a whole number of reviews from 1 up, e.g. --min-reviews 5 (got 'abc').")]
    [InlineData("0", "--min-reviews needs a whole number of reviews from 1 up, e.g. --min-reviews 5 (got '0').")]
    [InlineData("-3", "--min-reviews needs a whole number of reviews from 1 up, e.g. --min-reviews 5 (got '-3').")]
    public async Task Bad_min_reviews_is_a_clear_error_with_exit_two(string value, string message)
    {
        var (exit, _, error) = await RunAsync("--min-reviews", value);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Min_reviews_without_a_number_is_a_clear_error()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(["content", "stats", "--min-reviews"], output: output, error: error);

        Assert.Equal(2, exit);
        Assert.Equal("--min-reviews needs a whole number of reviews from 1 up, e.g. --min-reviews 5 (the number is missing).", error.ToString().Trim());
    }

    [Fact]
    public async Task A_missing_database_is_named_and_not_created()
    {
        var missing = Path.Combine(Path.GetDirectoryName(_db.Path)!, "missing.db");
        var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(["content", "stats", $"--Data:DatabasePath={missing}", $"--Content:Directory={_content.ContentDirectory}"], error: error, output: new StringWriter());

        Assert.Equal(2, exit);
        Assert.Equal($"content stats: there is no database at '{missing}' (Data:DatabasePath), so no review to count yet.", error.ToString().Trim());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Card_show_gives_an_admin_the_same_figures_and_refuses_a_member()
    {
        await StatsHistory.WriteAsync(_db, _time);
        SqliteConnection.ClearAllPools();
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, _db.Path, _time);

        var admin = await bot.SendAsync(BotHarness.Ada with { CanManageServer = true }, CommandLine.Parse("/card show id:concept-columnar"));
        var member = await bot.TypeAsync(BotHarness.Grace, "/card show id:concept-columnar");

        Assert.Equal(
            """
            **How learners do on it** (admins only)

            learners 3 · reviews 6 · lapse rate 50% (1 of 2) · wrong at first sight 33% (1 of 3) · leeches 0
            - options chosen (6 answers):
            - A. Single-row updates — 2 (33%)
            - ✓ B. Scans over a few columns of many rows — 4 (67%)
            - C. Point look-ups by key — 0 (0%) ← never chosen

            _Lapse rate: scheduled reviews failed; a leech is a learner's card with 8 or more lapses._
            """.ReplaceLineEndings("\n"),
            admin[^1].Markdown);
        Assert.Equal("Only server admins (Manage Server) can use `/card show`.", member);
    }
}
