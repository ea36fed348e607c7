using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Limits;
using PrepBot.FakeDiscord.Recording;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.FakeDiscord;

/// <summary>The fake's shared state: one per server, handed to endpoints through DI.</summary>
internal sealed class FakeDiscordState
{
    public FakeDiscordState(FakeDiscordOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Ids = new Snowflakes(Time);
        Traffic = new TrafficRecorder(Signal);
        Interactions = new InteractionLog(Signal);
        Channels = new ChannelDirectory(options, Ids);
        Limits = new RateLimiter(options);
        Gateway = new GatewayHub(this);
    }

    public FakeDiscordOptions Options { get; }

    public TimeProvider Time { get; }

    public Snowflakes Ids { get; }

    public ChangeSignal Signal { get; } = new();

    public TrafficRecorder Traffic { get; }

    public InteractionLog Interactions { get; }

    public ChannelDirectory Channels { get; }

    public PostRefusals PostRefusals { get; } = new();

    public RateLimiter Limits { get; }

    public GatewayHub Gateway { get; }

    /// <summary>http://127.0.0.1:port, known once the server listens.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public Uri GatewayUrl => new($"ws://{BaseUrl.Authority}/gateway");

    public Uri ResumeGatewayUrl => new($"ws://{BaseUrl.Authority}/gateway-resume");
}
