using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Terminal;

/// <summary>The built program itself, with its standard input piped, as in the README's scripted example.</summary>
public sealed class PracticeProcessTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-process-");

    public PracticeProcessTests()
    {
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Piped_script_runs_a_quiz_and_stats_then_exits_zero()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _data.FullName,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "PrepBot.dll"),
            "practice",
            $"--Data:DatabasePath={Path.Combine(_data.FullName, "p.db")}",
            $"--Content:Directory={_content.ContentDirectory}",
            "--Practice:TimeZone=Etc/UTC",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PrepBot__Discord__Token");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync("/quiz\n2\n/stats\n/quit\n");
        process.StandardInput.Close();

        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        Assert.StartsWith("Local practice session on the cards in", output, StringComparison.Ordinal);
        Assert.Contains("Recorded Good. Next review tomorrow.", output, StringComparison.Ordinal);
        Assert.Contains("Cards seen: 1 of 1", output, StringComparison.Ordinal);
        Assert.EndsWith("Bye — your progress is saved.\n", output, StringComparison.Ordinal);
    }
}
