using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Tests.Features.Star;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary>/star in the terminal practice session: the form becomes sequential prompts.</summary>
public sealed class PracticeStarTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-practice-star-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PracticeStarTests() => StarFlowTests.CopyBundledPrompts(_content);

    private string DatabasePath => Path.Combine(_data.FullName, "practice.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] lines) =>
        PracticeRunner.RunAsync(_content.ContentDirectory, DatabasePath, _time, lines);

    private async Task<List<StarStory>> StoriesAsync()
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new PrepBotDbContext(options);
        return await db.StarStories.ToListAsync(TestContext.Current.CancellationToken);
    }

    private static string[] Answer(string situation, string task, string action, string result) =>
        [situation, ".", task, ".", action, ".", result, ".", "."];

    [Fact]
    public async Task Star_in_the_terminal_asks_each_part_in_turn_and_prints_the_feedback()
    {
        var (exit, output) = await RunAsync(
        [
            "/star competency:conflict", "1",
            .. Answer(StarExamples.Situation, StarExamples.Task, StarExamples.Action, StarExamples.UnmeasuredResult),
            "/stories list", "/quit",
        ]);

        Assert.Equal(0, exit);
        Assert.Contains("== STAR: A technical disagreement with a teammate ==", output, StringComparison.Ordinal);
        Assert.Contains("Situation (end with a line holding only '.'):", output, StringComparison.Ordinal);
        Assert.Contains("What did you learn? (optional) (end with a line holding only '.'):", output, StringComparison.Ordinal);
        Assert.Contains("STAR feedback — A technical disagreement with a teammate", output, StringComparison.Ordinal);
        Assert.Contains("Put a number on \"The combined design shipped on time.\"", output, StringComparison.Ordinal);
        Assert.Contains("#1 · 2 Mar 2026", output, StringComparison.Ordinal);
        Assert.Single(await StoriesAsync());
    }

    [Fact]
    public async Task Timed_star_in_the_terminal_shows_when_the_timer_ends_and_notes_the_time_taken()
    {
        var (exit, output) = await RunAsync(
        [
            "/star timed:true", "1",
            .. Answer(StarExamples.Situation, StarExamples.Task, StarExamples.Action, StarExamples.Result),
            "/quit",
        ]);

        Assert.Equal(0, exit);
        Assert.Contains("2-minute timer: until 18:02:00.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<t:", output, StringComparison.Ordinal);
        Assert.Contains("Time taken: 0 s from the prompt to submitting", output, StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(await StoriesAsync()).SecondsTaken);
    }

    [Fact]
    public async Task Saved_story_chosen_in_the_terminal_is_kept_by_ending_each_part_straight_away()
    {
        var (exit, output) = await RunAsync(
        [
            "/star competency:conflict", "1",
            .. Answer(StarExamples.Situation, StarExamples.Task, StarExamples.Action, StarExamples.Result),
            "/star competency:ambiguity", "1", ".", ".", ".", ".", ".",
            "/quit",
        ]);

        Assert.Equal(0, exit);
        Assert.Contains("Start from a saved story (type its number):", output, StringComparison.Ordinal);
        Assert.Contains("  [saved] " + StarExamples.Situation, output, StringComparison.Ordinal);
        var stories = (await StoriesAsync()).OrderBy(s => s.Id).ToList();
        Assert.Equal(2, stories.Count);
        Assert.Equal((StarFlowTests.Ambiguous, StarExamples.Action), (stories[1].CardId, stories[1].Action));
    }
}
