namespace PrepBot.FakeDiscord.Gateway;

/// <summary>One identified session: its sequence, its replay buffer and its current connection (null while the bot is away). Guarded by the hub's lock.</summary>
internal sealed class GatewaySession(string id, int shardId, int shardCount, long intents)
{
    public string Id { get; } = id;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public long Intents { get; } = intents;

    public long Sequence { get; set; }

    public bool IsResumable { get; set; } = true;

    public GatewayConnection? Connection { get; set; }

    public List<BufferedDispatch> Buffer { get; } = [];

    public GatewaySessionInfo ToInfo() => new(Id, ShardId, ShardCount, Intents, Sequence, Connection is not null, IsResumable);
}

/// <summary>A dispatch kept for Resume; <see cref="OnSent"/> runs every time it reaches the bot.</summary>
internal sealed record BufferedDispatch(long Sequence, string Json, Action? OnSent);
