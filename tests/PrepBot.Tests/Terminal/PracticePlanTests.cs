using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary>The plan commands typed in the terminal practice session, options written <c>name:value</c>.</summary>
public sealed class PracticePlanTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-practice-plan-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public PracticePlanTests() => PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("airflow-1", "airflow", 3));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task<string> RunAsync(params string[] lines) =>
        (await PracticeRunner.RunAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "practice.db"), _time, lines)).Output;

    [Fact]
    public async Task Plan_week_3_typed_in_the_terminal_shows_week_3_and_its_buttons_as_numbers()
    {
        var output = await RunAsync("/plan week:3", "/quit");

        Assert.Contains("Week 3 of 16 — Theme of week 3 · you are on week 1", output, StringComparison.Ordinal);
        Assert.Contains("- [ ] airflow — about airflow: 0/1 cards seen · no reviews yet", output, StringComparison.Ordinal);
        Assert.Contains("[1] Quiz me on week 3  [2] Week 2  [3] Week 4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_me_on_a_later_week_button_serves_that_weeks_card()
    {
        var output = await RunAsync("/plan week:3", "1", "/quit");

        Assert.Contains("Question of airflow-1?", output, StringComparison.Ordinal);
    }
}
