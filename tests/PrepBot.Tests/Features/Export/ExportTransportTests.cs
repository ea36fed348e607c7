using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Export;

/// <summary><c>/me export</c> on Discord (two files uploaded with the private answer) and in the terminal (files written, paths printed).</summary>
public sealed class ExportTransportTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-export-io-");
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

    [Fact]
    public async Task On_discord_the_learner_gets_the_json_and_the_csv_as_files_only_they_see()
    {
        await using var bot = await DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "discord.db"));
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));

        var export = await bot.AskAsync(FakeInteraction.SlashCommand("me", subcommand: "export"));

        Assert.True(export.IsEphemeral);
        Assert.Equal(2, export.Attachments.Count);
        var json = export.Attachments.Single(a => a.Filename.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(1, JsonDocument.Parse(json.Content).RootElement.GetProperty("tables").GetProperty("ReviewLogs").GetArrayLength());
        var csv = export.Attachments.Single(a => a.Filename.EndsWith("-reviews.csv", StringComparison.Ordinal));
        Assert.Contains("concept-idempotency", Encoding.UTF8.GetString(csv.Content.Span), StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task In_the_terminal_the_files_are_written_beside_the_database_and_their_paths_printed()
    {
        var database = Path.Combine(_data.FullName, "practice.db");

        var (exit, output) = await PracticeRunner.RunAsync(
            _content.ContentDirectory, database, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)), "/quiz", "1", "3", "/me export", "/quit");

        Assert.Equal(0, exit);
        var saved = output.Split('\n').Where(line => line.StartsWith("Saved ", StringComparison.Ordinal)).Select(line => line["Saved ".Length..].Trim()).ToList();
        Assert.Equal(2, saved.Count);
        Assert.All(saved, path => Assert.StartsWith(Path.Combine(_data.FullName, "exports"), path, StringComparison.Ordinal));
        Assert.Contains("concept-idempotency", await File.ReadAllTextAsync(saved.Single(p => p.EndsWith(".csv", StringComparison.Ordinal)), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
