using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Mock;

/// <summary>The terminal has no channels: /mock says where it works instead of trying.</summary>
public sealed class MockTerminalTests : IAsyncLifetime
{
    private static readonly LearnerIdentity Local = new("terminal", "me", "Me", "Etc/UTC") { CanManageServer = true };

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-mock-terminal-");
    private BotHarness? _bot;

    public async ValueTask InitializeAsync() =>
        _bot = await BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));

    public async ValueTask DisposeAsync()
    {
        await _bot!.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Theory]
    [InlineData("mock start")]
    [InlineData("mock queue")]
    [InlineData("mock schedule")]
    public async Task Pairing_commands_say_they_work_in_a_discord_server_channel(string command)
    {
        var options = new Dictionary<string, string> { ["kind"] = "sql" };
        if (command == "mock schedule")
        {
            options["time"] = "18:00";
        }

        var reply = Assert.Single(await _bot!.SendAsync(Local, new CommandInput(command, options)));

        Assert.Contains("works in a Discord server channel", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("Discord-only", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_in_the_terminal_says_there_is_none_yet()
    {
        var reply = Assert.Single(await _bot!.SendAsync(Local, new CommandInput("mock history")));

        Assert.StartsWith("No mock interviews yet.", reply.Markdown, StringComparison.Ordinal);
    }
}
