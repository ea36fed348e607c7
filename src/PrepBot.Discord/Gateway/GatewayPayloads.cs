using System.Text.Json;
using System.Text.Json.Serialization;
using PrepBot.Discord.Models;

namespace PrepBot.Discord.Gateway;

public enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

/// <summary>Gateway intents. PrepBot's default is <see cref="Guilds"/> | <see cref="GuildMessages"/> | <see cref="DirectMessages"/>.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMembers = 1 << 1,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,
    DirectMessages = 1 << 12,
    DirectMessageReactions = 1 << 13,

    /// <summary>Privileged: enable it in the developer portal too.</summary>
    MessageContent = 1 << 15,
}

/// <summary>One gateway frame: <c>{op, d, s, t}</c>; <see cref="S"/> and <see cref="T"/> are set on dispatches only.</summary>
public sealed class GatewayPayload
{
    public GatewayOpCode Op { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? D { get; init; }

    public int? S { get; init; }

    public string? T { get; init; }
}

public sealed class HelloData
{
    public int HeartbeatInterval { get; init; }
}

public sealed class IdentifyData
{
    public required string Token { get; init; }

    public GatewayIntents Intents { get; init; }

    public required IdentifyProperties Properties { get; init; }

    /// <summary><c>[shard_id, num_shards]</c>.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    public int? LargeThreshold { get; init; }

    /// <summary>Never print the token.</summary>
    public override string ToString() => "IdentifyData { Token = (hidden) }";
}

public sealed class IdentifyProperties
{
    public string Os { get; init; } = Environment.OSVersion.Platform.ToString().ToLowerInvariant();

    public string Browser { get; init; } = "PrepBot";

    public string Device { get; init; } = "PrepBot";
}

public sealed class ResumeData
{
    public required string Token { get; init; }

    public required string SessionId { get; init; }

    public int? Seq { get; init; }

    /// <summary>Never print the token.</summary>
    public override string ToString() => "ResumeData { Token = (hidden) }";
}

/// <summary>The READY dispatch: who the bot is, its application, and how to resume this session.</summary>
public sealed class ReadyEvent
{
    public int V { get; init; }

    public required User User { get; init; }

    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];

    public required string SessionId { get; init; }

    public string? ResumeGatewayUrl { get; init; }

    public IReadOnlyList<int>? Shard { get; init; }

    public required ReadyApplication Application { get; init; }
}

public sealed class ReadyApplication
{
    public Snowflake Id { get; init; }

    public int? Flags { get; init; }
}

public sealed class UnavailableGuild
{
    public Snowflake Id { get; init; }

    public bool? Unavailable { get; init; }
}

/// <summary>
/// One event from the gateway (op 0): its name (<c>READY</c>, <c>INTERACTION_CREATE</c>, <c>MESSAGE_CREATE</c>, …),
/// sequence number and data. <see cref="Interaction"/> is already deserialised for INTERACTION_CREATE.
/// </summary>
public sealed record GatewayDispatch(int ShardId, string EventName, int Sequence, JsonElement Data)
{
    public const string ReadyEventName = "READY";
    public const string ResumedEventName = "RESUMED";
    public const string InteractionCreateEventName = "INTERACTION_CREATE";
    public const string MessageCreateEventName = "MESSAGE_CREATE";
    public const string GuildCreateEventName = "GUILD_CREATE";

    /// <summary>Set for INTERACTION_CREATE.</summary>
    public Interaction? Interaction { get; init; }

    /// <summary>The data as <typeparamref name="T"/> (e.g. <see cref="Message"/> for MESSAGE_CREATE).</summary>
    public T? DataAs<T>() => Data.Deserialize<T>(DiscordJson.Options);
}
