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

/// <summary>An Identify the fake accepted: the shard it named and when (on the fake's clock).</summary>
public sealed record IdentifyRecord(int ShardId, int ShardCount, DateTimeOffset At);
