using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord;

/// <summary>A guild the bot is a member of; announced in READY and by one GUILD_CREATE per guild.</summary>
public sealed record FakeGuild(string Id, string Name, IReadOnlyList<FakeChannel> Channels)
{
    /// <summary>One guild with one text channel: enough for most tests.</summary>
    public static FakeGuild Default { get; } = new(
        "1200000000000000001",
        "PrepBot Test Guild",
        [new FakeChannel("1200000000000000002", "general")]);

    /// <summary>The first text channel: where interactions arrive when a test does not say.</summary>
    public FakeChannel DefaultChannel => Channels.FirstOrDefault(c => c.Type == 0)
        ?? throw new InvalidOperationException($"Guild {Id} has no text channel (type 0).");

    public JsonObject ToGuildCreateJson(string botUserJoinedAt, FakeUser bot) => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["icon"] = null,
        ["owner_id"] = FakeUser.DefaultLearner.Id,
        ["unavailable"] = false,
        ["large"] = false,
        ["member_count"] = 2,
        ["joined_at"] = botUserJoinedAt,
        ["preferred_locale"] = "en-US",
        ["features"] = new JsonArray(),
        ["roles"] = new JsonArray(new JsonObject
        {
            ["id"] = Id,
            ["name"] = "@everyone",
            ["permissions"] = FakePermissions.Member,
            ["position"] = 0,
        }),
        ["channels"] = new JsonArray([.. Channels.Select(c => (JsonNode)c.ToJson(Id))]),
        ["threads"] = new JsonArray(),
        ["members"] = new JsonArray(new JsonObject
        {
            ["user"] = bot.ToJson(),
            ["roles"] = new JsonArray(),
            ["joined_at"] = botUserJoinedAt,
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
        }),
        ["voice_states"] = new JsonArray(),
        ["presences"] = new JsonArray(),
        ["stage_instances"] = new JsonArray(),
        ["guild_scheduled_events"] = new JsonArray(),
    };
}

/// <summary>A guild channel (type 0 text, 5 announcement, 15 forum, ...).</summary>
public sealed record FakeChannel(string Id, string Name, int Type = 0)
{
    public JsonObject ToJson(string guildId) => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["guild_id"] = guildId,
        ["name"] = Name,
        ["position"] = 0,
        ["permission_overwrites"] = new JsonArray(),
        ["nsfw"] = false,
        ["parent_id"] = null,
    };
}
