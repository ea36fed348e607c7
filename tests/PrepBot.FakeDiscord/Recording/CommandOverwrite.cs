using System.Text.Json;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>One accepted bulk overwrite of application commands: global when <see cref="GuildId"/> is null.</summary>
public sealed record CommandOverwrite(string? GuildId, JsonElement Commands, DateTimeOffset At)
{
    public IReadOnlyList<string> Names =>
        [.. Commands.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
}
