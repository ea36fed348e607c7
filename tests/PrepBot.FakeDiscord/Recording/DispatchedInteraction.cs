using System.Text.Json;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>An INTERACTION_CREATE the fake sent (or buffered for) the bot.</summary>
public sealed record DispatchedInteraction(
    string Id,
    string Token,
    int Type,
    string ChannelId,
    string? GuildId,
    string UserId,
    JsonElement Payload)
{
    /// <summary>The gateway shard it was sent on: <c>(guild_id &gt;&gt; 22) % shard count</c>, DMs shard 0.</summary>
    public int ShardId { get; init; }
}
