using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord;

/// <summary>How the fake Discord behaves. Defaults follow Discord's documented values, except where a note says why not.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The bot token the fake accepts in <c>Authorization: Bot ...</c> and in Identify/Resume.</summary>
    public string Token { get; set; } = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.FakeDC.prepbot-loopback-token";

    public string ApplicationId { get; set; } = "1100000000000000001";

    public FakeUser BotUser { get; set; } = new("1100000000000000001", "PrepBot", IsBot: true);

    /// <summary>The guilds the bot is in; their channels are the known guild channels.</summary>
    public IList<FakeGuild> Guilds { get; } = [FakeGuild.Default];

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int Port { get; set; }

    /// <summary>Clock for rate-limit windows, interaction deadlines and snowflakes.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Sent in Hello. Discord sends 41250 ms.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>Shard count <c>GET /gateway/bot</c> recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c> of <c>GET /gateway/bot</c>: identify buckets (1 for most bots).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>When set, an Identify with fewer shards than this is closed with 4011 (sharding required).</summary>
    public int? RequiredShards { get; set; }

    /// <summary>Privileged intents (GUILD_MEMBERS 2, GUILD_PRESENCES 256, MESSAGE_CONTENT 32768) enabled for the app; others close with 4014.</summary>
    public int EnabledPrivilegedIntents { get; set; }

    /// <summary>Requests per second across all routes except interaction callbacks and webhooks; 0 disables.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// The rule for routes without an entry in <see cref="RouteLimits"/>. Generous on purpose so that tests that do not
    /// study rate limits are not slowed; set realistic ones (e.g. 5 per 5 s on create message) where a test needs them.
    /// </summary>
    public RateLimitRule DefaultRouteLimit { get; set; } = new(50, TimeSpan.FromSeconds(1));

    /// <summary>Per-route rules keyed by a <see cref="Rest.FakeRoutes"/> constant.</summary>
    public IDictionary<string, RateLimitRule> RouteLimits { get; } = new Dictionary<string, RateLimitRule>(StringComparer.Ordinal);

    /// <summary>How long after the INTERACTION_CREATE reached the bot a callback is still accepted (Discord: 3 s).</summary>
    public TimeSpan InteractionResponseWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token works for follow-ups and edits (Discord: 15 min).</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gateway events a connection may send per <see cref="GatewaySendWindow"/> before close 4008.</summary>
    public int GatewaySendLimit { get; set; } = 120;

    public TimeSpan GatewaySendWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest frame the bot may send; larger closes with 4002.</summary>
    public int MaxGatewayFrameBytes { get; set; } = 4096;

    /// <summary>Dispatches kept per session for Resume replay.</summary>
    public int ResumeBufferSize { get; set; } = 1000;

    /// <summary>Handle Ctrl+C/SIGTERM (manual runs). Tests leave it off so the fake never touches the test host's signals.</summary>
    public bool HandleConsoleSignals { get; set; }
}
