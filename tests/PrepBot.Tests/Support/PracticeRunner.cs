using Microsoft.Extensions.DependencyInjection;
using PrepBot.Hosting;
using PrepBot.Terminal;

namespace PrepBot.Tests.Support;

/// <summary>
/// Runs the terminal practice session in-process, as <c>dotnet run -- practice</c> would, with the given lines as
/// standard input (one per line) and a fixed clock; returns the exit code and everything printed.
/// </summary>
internal static class PracticeRunner
{
    public static async Task<(int Exit, string Output)> RunAsync(string contentDirectory, string databasePath, TimeProvider time, params string[] lines)
    {
        var input = new StringReader(string.Join('\n', lines) + "\n");
        using var output = new StringWriter();
        var exit = await PrepBotApp.RunAsync(
            [
                "practice",
                $"--Data:DatabasePath={databasePath}",
                $"--Content:Directory={contentDirectory}",
                "--Content:WatchForChanges=false",
                "--Practice:LearnerName=ada",
                "--Practice:TimeZone=Etc/UTC",
            ],
            builder =>
            {
                builder.Services.AddSingleton(new TerminalIO(input, output));
                builder.Services.AddSingleton(time);
            },
            output,
            output);
        return (exit, output.ToString());
    }
}
