using Microsoft.Extensions.Hosting;
using PrepBot.FakeDiscord;
using PrepBot.Features.Study;
using PrepBot.Hosting;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>Starting with a token: the bot runs on Discord, and a token Discord refuses ends the run with one clear line.</summary>
public sealed class DiscordStartupTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-start-");
    private readonly FakeDiscordServer _discord = new();

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string token, params string[] settings) => RunAsync(token, configure: null, settings);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string token, Action<HostApplicationBuilder>? configure, params string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(
            [
                $"--Discord:Token={token}",
                $"--Discord:ApiBaseUrl={_discord.ApiBaseUrl}",
                $"--Data:DatabasePath={Path.Combine(_data.FullName, "bot.db")}",
                $"--Content:Directory={_content.ContentDirectory}",
                "--Content:WatchForChanges=false",
                "--Logging:LogLevel:Default=None",
                .. settings,
            ],
            configure,
            output: output,
            error: error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Token_discord_refuses_stops_the_bot_with_one_line_and_exit_code_3_without_printing_the_token()
    {
        const string badToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Wrong.not-the-token";

        var (exit, output, error) = await RunAsync(badToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(PrepBotApp.ExitDiscordFailed, exit);
        Assert.StartsWith("Running on Discord", output, StringComparison.Ordinal);
        Assert.Equal("Discord error: Discord refused the bot token (401 Unauthorized). Check Discord:Token (PrepBot__Discord__Token).", error.Trim());
        Assert.DoesNotContain(badToken, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quiz_path_is_compiled_before_the_gateway_connects()
    {
        List<Type?> started = [];

        var (exit, _, _) = await RunAsync(
            "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Wrong.not-the-token",
            builder => started.AddRange(builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType)))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Hosted services start in the order they were added.
        Assert.Equal(PrepBotApp.ExitDiscordFailed, exit);
        Assert.InRange(started.IndexOf(typeof(QuizWarmUp)), 0, started.IndexOf(typeof(PrepBot.DiscordFrontEnd.DiscordFrontEndService)) - 1);
    }

    [Fact]
    public async Task Bad_discord_settings_stop_the_start_with_one_line_per_key()
    {
        var (exit, _, error) = await RunAsync(
            _discord.Token, "--Discord:DefaultTimeZone=Mars/Olympus", "--Discord:AnswerDirectlyWithinMilliseconds=5000");

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        Assert.Contains("Configuration error: Discord:DefaultTimeZone: 'Mars/Olympus' is not a time zone", error, StringComparison.Ordinal);
        Assert.Contains("Configuration error: Discord:AnswerDirectlyWithinMilliseconds: 5000 is outside 100–2500", error, StringComparison.Ordinal);
        Assert.Equal(0, _discord.IdentifyCount);
    }
}
