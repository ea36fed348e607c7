using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Hosting;
using PrepBot.Terminal;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary>The local practice session end to end: the real host, a real SQLite file, scripted input.</summary>
public sealed class PracticeSessionTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-practice-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PracticeSessionTests()
    {
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice);
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
    }

    private string DatabasePath => Path.Combine(_data.FullName, "practice.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] lines) =>
        PracticeRunner.RunAsync(_content.ContentDirectory, DatabasePath, _time, lines);

    private async Task<List<ReviewLog>> LogsAsync()
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new PrepBotDbContext(options);
        return await db.ReviewLogs.OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_line_says_it_is_a_local_session_and_where_progress_is_kept()
    {
        var (exit, output) = await RunAsync("/quit");

        Assert.Equal(0, exit);
        var first = output.Split('\n')[0];
        Assert.StartsWith("Local practice session on the cards in " + _content.ContentDirectory, first, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, first, StringComparison.Ordinal);
    }

    /// <summary>
    /// The menu number under which a session shows an option: options are shuffled per learner and card state, and the
    /// same order comes back for the same state, so a first run that only looks finds the number a second run presses.
    /// </summary>
    private async Task<string> NumberOfOptionAsync(string command, string optionText)
    {
        var (_, output) = await RunAsync(command, "/quit");
        var line = output.Split('\n').Last(l => l.EndsWith(". " + optionText, StringComparison.Ordinal) && l.StartsWith("  ", StringComparison.Ordinal));
        return line.Trim().Split('.')[0];
    }

    private const string RightOption = "Scans over a few columns of many rows";
    private const string WrongOption = "Point look-ups by key";

    [Fact]
    public async Task Multiple_choice_answer_by_number_is_graded_and_stored()
    {
        var right = await NumberOfOptionAsync("/quiz", RightOption);

        var (exit, output) = await RunAsync("/quiz", right, "/quit");

        Assert.Equal(0, exit);
        Assert.Contains("Which workload is a columnar warehouse built for?", output, StringComparison.Ordinal);
        Assert.Contains($"  {right}. {(char)('A' + int.Parse(right, CultureInfo.InvariantCulture) - 1)}. {RightOption}", output, StringComparison.Ordinal);
        Assert.Contains("Correct.", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Good. Next review tomorrow.", output, StringComparison.Ordinal);
        var log = Assert.Single(await LogsAsync());
        Assert.Equal(("concept-columnar", 4), (log.CardId, log.Quality));
    }

    [Fact]
    public async Task Wrong_choice_names_the_chosen_and_the_right_option_by_text_and_records_again()
    {
        var wrong = await NumberOfOptionAsync("/quiz", WrongOption);

        var (_, output) = await RunAsync("/quiz", wrong, "/quit");

        Assert.Matches($@"You chose\s+- {WrongOption}", output);
        Assert.Matches($@"The answer\s+- {RightOption}", output);
        Assert.Equal(1, Assert.Single(await LogsAsync()).Quality);
    }

    [Fact]
    public async Task Written_answer_ends_on_a_dot_line_then_reveal_and_self_grade()
    {
        var right = await NumberOfOptionAsync("/quiz", RightOption);

        var (_, output) = await RunAsync("/quiz", right, "1", "2", "I would overwrite", "the partition", ".", "3", "/quit");

        Assert.Contains("What makes a daily load idempotent?", output, StringComparison.Ordinal);
        Assert.Contains("Answer (end with a line holding only '.'):", output, StringComparison.Ordinal);
        Assert.Contains("| I would overwrite", output, StringComparison.Ordinal);
        Assert.Contains("overwrite the day's partition instead of appending", output, StringComparison.Ordinal);
        var logs = await LogsAsync();
        Assert.Equal(["concept-columnar", "concept-idempotency"], logs.Select(l => l.CardId));
        Assert.Equal(4, logs[1].Quality);
    }

    [Fact]
    public async Task Failed_card_comes_back_in_the_review_session_until_answered_good()
    {
        await RunAsync("/quiz", await NumberOfOptionAsync("/quiz", WrongOption), "/quit"); // wrong answer: Again
        var right = await NumberOfOptionAsync("/review", RightOption);

        var (_, output) = await RunAsync("/review", right, "/review", "/quit");

        Assert.Contains("Review — 1 card due.", output, StringComparison.Ordinal);
        Assert.Contains("Review done", output, StringComparison.Ordinal);
        Assert.Contains("Nothing is due right now.", output, StringComparison.Ordinal);
        var logs = await LogsAsync();
        Assert.Equal([1, 4], logs.Select(l => l.Quality));
        Assert.Equal([ReviewKind.New, ReviewKind.Redrill], logs.Select(l => l.Kind));
    }

    [Fact]
    public async Task Stats_show_reviews_today_and_the_streak()
    {
        var (_, output) = await RunAsync("/quiz", "2", "/stats", "/quit");

        Assert.Contains("Reviews: 1 today", output, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day (best 1)", output, StringComparison.Ordinal);
        Assert.Contains("Cards seen: 1 of 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_print_the_activity_heatmap_as_text()
    {
        var (_, output) = await RunAsync("/quiz", "2", "/stats", "/quit");

        Assert.Contains("Reviews per day, weeks of", output, StringComparison.Ordinal);
        Assert.Matches(@"\nMon( [·░▒▓█= ]){12}\n", output);
        Assert.Contains("· none  ░ 1–4  ▒ 5–9  ▓ 10–19  █ 20+  = paused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Number_that_is_not_on_the_menu_is_explained_and_nothing_changes()
    {
        var (_, output) = await RunAsync("/quiz", "9", "/quit");

        Assert.Contains("'9' is not on the menu: type a number from 1 to 5", output, StringComparison.Ordinal);
        Assert.Empty(await LogsAsync());
    }

    [Fact]
    public async Task Unknown_command_lists_the_known_ones()
    {
        var (_, output) = await RunAsync("/quizz", "/quit");

        Assert.Contains("There is no command /quizz. Did you mean /quiz? Commands: /quiz, /review, /cards, /undo, /plan, /stats, /star, /stories, /leaderboard, /me, /help, /mock, /card, /setup.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_of_input_ends_the_session_cleanly()
    {
        var (exit, output) = await RunAsync("/help");

        Assert.Equal(0, exit);
        Assert.Contains("Bye — your progress is saved.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_time_zone_stops_the_program_naming_the_key()
    {
        var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(
            ["practice", $"--Data:DatabasePath={DatabasePath}", $"--Content:Directory={_content.ContentDirectory}", "--Practice:TimeZone=Mars/Olympus"],
            builder => builder.Services.AddSingleton(new TerminalIO(new StringReader(string.Empty), new StringWriter())),
            new StringWriter(),
            error);

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        Assert.Contains("Practice:TimeZone: 'Mars/Olympus' is not a known time zone", error.ToString(), StringComparison.Ordinal);
    }
}
