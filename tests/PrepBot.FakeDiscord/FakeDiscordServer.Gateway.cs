using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord;

/// <summary>Gateway controls and counters.</summary>
public sealed partial class FakeDiscordServer
{
    public int IdentifyCount => _state.Gateway.IdentifyCount;

    /// <summary>Every accepted Identify (shard, shard count, when), in order: to check identify pacing per <c>max_concurrency</c> bucket.</summary>
    public IReadOnlyList<IdentifyRecord> Identifies => _state.Gateway.Identifies;

    /// <summary>The shard a guild's events and interactions go to with <paramref name="shardCount"/> shards: <c>(guild_id &gt;&gt; 22) % shard count</c>.</summary>
    public static int ShardForGuild(string guildId, int shardCount) =>
        (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    public int ResumeCount => _state.Gateway.ResumeCount;

    /// <summary>Resumes that arrived on <see cref="ResumeGatewayUrl"/>, as Discord asks.</summary>
    public int ResumesViaResumeUrl => _state.Gateway.ResumesViaResumeUrl;

    public int HeartbeatCount => _state.Gateway.HeartbeatCount;

    /// <summary>WebSocket connections accepted so far.</summary>
    public int GatewayConnectionCount => _state.Gateway.ConnectionsOpened;

    public int OpenGatewayConnections => _state.Gateway.OpenConnections;

    public IReadOnlyList<GatewaySessionInfo> GatewaySessions => _state.Gateway.Sessions;

    /// <summary>Close codes the bot closed its sockets with (e.g. not 1000 after a zombie connection, to keep the session).</summary>
    public IReadOnlyList<int> ClientCloseCodes => _state.Gateway.ClientCloseCodes;

    /// <summary>Close codes the fake sent (4004 bad token, 4008 rate limited, ...).</summary>
    public IReadOnlyList<int> ServerCloseCodes => _state.Gateway.ServerCloseCodes;

    /// <summary>When true, heartbeats get no ACK (op 11): the connection looks like a zombie to the bot.</summary>
    public bool SuppressHeartbeatAcks
    {
        get => _state.Gateway.SuppressHeartbeatAcks;
        set => _state.Gateway.SuppressHeartbeatAcks = value;
    }

    /// <summary>Waits for a connected, identified (or resumed) session.</summary>
    public Task<GatewaySessionInfo> WaitForReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => _state.Gateway.Sessions.FirstOrDefault(s => s.IsConnected && s.IsResumable),
            timeout ?? DefaultWaitTimeout,
            () => "a gateway session (Identify → READY)",
            cancellationToken);

    /// <summary>
    /// Sends INTERACTION_CREATE to the bot (buffered for replay if the bot is disconnected but resumable).
    /// The 3-second window for the callback starts when the event reaches the bot.
    /// </summary>
    public Task<DispatchedInteraction> DispatchInteractionAsync(FakeInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return Task.FromResult(_state.Gateway.DispatchInteraction(interaction));
    }

    /// <summary>Sends any dispatch event; returns its sequence number. Routed by <c>guild_id</c> in the payload (DMs: shard 0).</summary>
    public Task<long> DispatchAsync(string eventName, JsonNode payload, int? shardId = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var shard = shardId ?? _state.Gateway.ShardFor((payload as JsonObject)?["guild_id"]?.ToString());
        return Task.FromResult(_state.Gateway.Dispatch(eventName, payload, shard));
    }

    /// <summary>Cuts every gateway connection without a close frame; sessions stay resumable. Returns once the sockets are gone.</summary>
    public Task DropConnectionsAsync() => _state.Gateway.DropAllAsync();

    /// <summary>Sends op 7 Reconnect: the bot should reconnect and resume.</summary>
    public Task SendReconnectAsync()
    {
        _state.Gateway.SendToAll(new JsonObject { ["op"] = 7, ["d"] = null, ["s"] = null, ["t"] = null });
        return Task.CompletedTask;
    }

    /// <summary>Sends op 9 Invalid Session; with <paramref name="resumable"/> false the session is gone and a Resume gets op 9 false.</summary>
    public Task InvalidateSessionAsync(bool resumable)
    {
        _state.Gateway.InvalidateSessions(resumable);
        return Task.CompletedTask;
    }

    /// <summary>Asks the bot for a heartbeat at once (server-sent op 1).</summary>
    public Task RequestHeartbeatAsync()
    {
        _state.Gateway.SendToAll(new JsonObject { ["op"] = 1, ["d"] = null, ["s"] = null, ["t"] = null });
        return Task.CompletedTask;
    }

    /// <summary>Closes every gateway connection with <paramref name="code"/>; codes that end a session (4007, 4009, fatal ones) end it.</summary>
    public Task CloseAsync(int code) => _state.Gateway.CloseAllAsync(code);
}
