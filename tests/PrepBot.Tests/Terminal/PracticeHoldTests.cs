using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary><c>skip</c>, <c>suspend</c> and <c>/cards</c> in the local practice session.</summary>
public sealed class PracticeHoldTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-practice-holds-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PracticeHoldTests()
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

    private async Task<int> ReviewCountAsync()
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new PrepBotDbContext(options);
        return await db.ReviewLogs.CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Skip_serves_the_next_new_card_and_records_nothing()
    {
        var (exit, output) = await RunAsync("/quiz", "skip", "/quit");

        Assert.Equal(0, exit);
        Assert.Contains("Which workload is a columnar warehouse built for?", output, StringComparison.Ordinal);
        Assert.Contains("(skip)", output, StringComparison.Ordinal);
        Assert.Contains("Not now — concept-columnar comes back tomorrow at the earliest.", output, StringComparison.Ordinal);
        Assert.Contains("What makes a daily load idempotent?", output, StringComparison.Ordinal);
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task Suspend_after_an_answer_then_list_and_resume()
    {
        var (exit, output) = await RunAsync("/quiz", "skip", "1", "suspend", "/quiz", "/cards suspended", "/cards resume card:concept-idempotency", "/quit");

        Assert.Equal(0, exit);
        Assert.Contains("Suspended concept-idempotency", output, StringComparison.Ordinal);
        Assert.Contains("You have answered every card", output, StringComparison.Ordinal);
        Assert.Contains("Suspended cards — 1 in all.", output, StringComparison.Ordinal);
        Assert.Contains("Resume concept-idempotency", output, StringComparison.Ordinal);
        Assert.Contains("Resumed concept-idempotency.", output, StringComparison.Ordinal);
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task Suspend_typed_after_a_review_grade_suspends_the_card_just_graded_not_the_next_question()
    {
        var (exit, output) = await RunAsync("/quiz", "skip", "1", "1", "/review", "1", "1", "suspend", "/review", "/quit");

        Assert.Equal(0, exit);
        Assert.Contains("Suspended concept-idempotency", output, StringComparison.Ordinal);
        Assert.Contains("Nothing is due right now.", output, StringComparison.Ordinal);
        Assert.Equal(2, await ReviewCountAsync());
    }
}
