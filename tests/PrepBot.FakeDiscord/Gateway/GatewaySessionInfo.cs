namespace PrepBot.FakeDiscord.Gateway;

/// <summary>A gateway session as a test sees it.</summary>
public sealed record GatewaySessionInfo(
    string SessionId,
    int ShardId,
    int ShardCount,
    long Intents,
    long Sequence,
    bool IsConnected,
    bool IsResumable);
