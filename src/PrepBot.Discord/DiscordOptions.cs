namespace PrepBot.Discord;

/// <summary>
/// Settings of the Discord API v10 client (section <c>Discord</c>). The token is a secret:
/// it comes from the environment (<c>PrepBot__Discord__Token</c>) or user-secrets, never from a committed file.
/// <see cref="DiscordOptionsValidator"/> checks them at start and names the key that is wrong.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token; empty means "no Discord, run the local practice session".</summary>
    public string Token { get; set; } = string.Empty;

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>REST base URL, e.g. the loopback fake's <c>http://127.0.0.1:5005/api/v10</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Gateway URL to connect to instead of the one <c>GET /gateway/bot</c> returns (the REST call is still made for shard and concurrency hints).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Ask for the privileged MESSAGE_CONTENT intent (only if a feature reads message text).</summary>
    public bool MessageContent { get; set; }

    /// <summary>Total shards of the bot; empty uses the count <c>GET /gateway/bot</c> recommends.</summary>
    public int? ShardCount { get; set; }

    /// <summary>Shards this process runs: <c>"0-3"</c>, <c>"4,5"</c> or <c>"2"</c>; empty runs all of <see cref="ShardCount"/>.</summary>
    public string? ShardIds { get; set; }

    /// <summary>Requests per second across the bot, interaction callbacks and webhooks excepted (Discord's global limit is 50).</summary>
    public int GlobalRateLimitPerSecond { get; set; } = 50;

    /// <summary>When set, slash commands are registered in this guild (instant) instead of globally.</summary>
    public string? DevelopmentGuildId { get; set; }

    /// <summary><see cref="DevelopmentGuildId"/> as a snowflake: pass it as the guild when registering commands; null registers globally.</summary>
    public Snowflake? DevelopmentGuild => Snowflake.TryParse(DevelopmentGuildId, out var id) ? id : null;

    /// <summary>The URL in <c>User-Agent: DiscordBot (url, version)</c>.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/prepbot/prepbot";

    /// <summary>How often a request is retried after a 429 or a 5xx before it fails.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First wait before retrying a 5xx (doubles each time), and the base of gateway reconnect backoff.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Never print the token.</summary>
    public override string ToString() => HasToken ? "DiscordOptions { Token = (set) }" : "DiscordOptions { Token = (empty) }";
}
