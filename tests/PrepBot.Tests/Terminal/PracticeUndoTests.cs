using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary>Undo in the local practice session: typed <c>undo</c>, or the Undo number under a grade.</summary>
public sealed class PracticeUndoTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-practice-undo-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PracticeUndoTests() => _content.Write("concept/idempotency.md", FlowCards.Reveal);

    private string DatabasePath => Path.Combine(_data.FullName, "practice.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task<List<ReviewLog>> LogsAsync()
    {
        var options = new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite($"Data Source={DatabasePath}").Options;
        await using var db = new PrepBotDbContext(options);
        return await db.ReviewLogs.OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Typing_undo_after_a_grade_takes_it_back_and_asks_the_card_again()
    {
        // /quiz, 1 = Reveal answer, 3 = Good, then undo.
        var (exit, output) = await PracticeRunner.RunAsync(_content.ContentDirectory, DatabasePath, _time, ["/quiz", "1", "3", "undo", "/stats", "/quit"]);

        Assert.Equal(0, exit);
        Assert.Contains("[2] Suspend  [3] Undo", output, StringComparison.Ordinal);
        Assert.Contains("↩️ Undone — your Good on concept-idempotency no longer counts", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("What makes a daily load idempotent?").Length - 1);
        Assert.Contains("Reviews: 0 today", output, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await LogsAsync()).UndoneAt);
    }

    [Fact]
    public async Task Undo_with_nothing_to_undo_says_so()
    {
        var (_, output) = await PracticeRunner.RunAsync(_content.ContentDirectory, DatabasePath, _time, ["undo", "/quit"]);

        Assert.Contains("You have no grade to undo.", output, StringComparison.Ordinal);
    }
}
