using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary><c>/me interview</c> typed in the terminal practice session, and the countdown it puts in <c>/stats</c>.</summary>
public sealed class PracticeInterviewTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-practice-interview-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PracticeInterviewTests() => PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("airflow-1", "airflow", 3));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task<string> RunAsync(params string[] lines) =>
        (await PracticeRunner.RunAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "practice.db"), _time, lines)).Output;

    [Fact]
    public async Task An_interview_typed_in_the_terminal_is_set_refused_when_unparseable_and_counted_down_in_stats()
    {
        var typed = await RunAsync("/me interview date:2026-03-20 title:\"Data engineer, Acme\"", "/me interview date:20.03.2026", "/stats", "/quit");

        var output = typed.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        Assert.Contains("Interview set: Fri 20 Mar 2026 (Data engineer, Acme), in 18 days", output, StringComparison.Ordinal);
        Assert.Contains("date of /me interview must be a day written YYYY-MM-DD", output, StringComparison.Ordinal);
        Assert.Contains("(got 20.03.2026)", output, StringComparison.Ordinal);
        Assert.Contains("New cards: ", output, StringComparison.Ordinal);
        Assert.Contains("Predicted recall on the day: nothing to predict yet", output, StringComparison.Ordinal);
    }
}
