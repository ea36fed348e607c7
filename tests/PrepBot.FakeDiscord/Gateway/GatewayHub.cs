using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Recording;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.FakeDiscord.Gateway;

/// <summary>
/// Discord's gateway: Hello, heartbeats and ACKs, Identify → READY + GUILD_CREATE, sequence numbers, Resume with replay,
/// and the controls tests use to misbehave on purpose (drops, op 7, op 9, close codes, silent heartbeats).
/// </summary>
internal sealed class GatewayHub(FakeDiscordState state)
{
    private readonly Lock _gate = new();
    private readonly List<GatewayConnection> _connections = [];
    private readonly Dictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, GatewaySession> _activeByShard = [];
    private readonly List<int> _clientCloseCodes = [];
    private readonly List<int> _serverCloseCodes = [];
    private readonly List<IdentifyRecord> _identifyLog = [];
    private int _identifies;
    private int _resumes;
    private int _resumesViaResumeUrl;
    private int _heartbeats;
    private int _connectionsOpened;
    private volatile bool _suppressHeartbeatAcks;

    public int IdentifyCount => Volatile.Read(ref _identifies);

    public int ResumeCount => Volatile.Read(ref _resumes);

    public int ResumesViaResumeUrl => Volatile.Read(ref _resumesViaResumeUrl);

    public int HeartbeatCount => Volatile.Read(ref _heartbeats);

    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public bool SuppressHeartbeatAcks
    {
        get => _suppressHeartbeatAcks;
        set => _suppressHeartbeatAcks = value;
    }

    /// <summary>Every accepted Identify: which shard, and when on the fake's clock.</summary>
    public IReadOnlyList<IdentifyRecord> Identifies
    {
        get
        {
            lock (_gate)
            {
                return [.. _identifyLog];
            }
        }
    }

    public IReadOnlyList<int> ClientCloseCodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _clientCloseCodes];
            }
        }
    }

    public IReadOnlyList<int> ServerCloseCodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _serverCloseCodes];
            }
        }
    }

    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public IReadOnlyList<GatewaySessionInfo> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions.Values.Select(s => s.ToInfo())];
            }
        }
    }

    public async Task AcceptAsync(HttpContext context, bool viaResumeUrl)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The gateway speaks WebSocket: connect with ws:// and ?v=10&encoding=json.");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnection(context, socket, viaResumeUrl, state.Options);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        Interlocked.Increment(ref _connectionsOpened);
        var query = context.Request.Query;
        if (query.TryGetValue("v", out var version) && version != "10")
        {
            CloseConnection(connection, GatewayCloseCodes.InvalidApiVersion);
        }
        else if (query.TryGetValue("encoding", out var encoding) && encoding != "json")
        {
            CloseConnection(connection, GatewayCloseCodes.DecodeError);
        }
        else
        {
            connection.Send(Frame(10, new JsonObject
            {
                ["heartbeat_interval"] = (long)state.Options.HeartbeatInterval.TotalMilliseconds,
                ["_trace"] = new JsonArray("[\"fake-discord-gateway\"]"),
            }));
        }

        state.Signal.Pulse();
        try
        {
            await connection.RunAsync(OnFrame);
        }
        finally
        {
            Detach(connection);
        }
    }

    /// <summary>Sends a dispatch to the shard's session, or buffers it while the bot is away. Returns the sequence number.</summary>
    public long Dispatch(string eventName, JsonNode data, int? shardId, Action? onSent = null)
    {
        lock (_gate)
        {
            var session = FindSessionFor(shardId ?? 0)
                ?? throw new InvalidOperationException(
                    $"No gateway session for shard {shardId ?? 0}: the bot has not identified yet (await WaitForReadyAsync first), or its session was invalidated.");
            return DispatchLocked(session, eventName, data, onSent);
        }
    }

    /// <summary>Builds, registers and sends an INTERACTION_CREATE; its response window starts when it is written to the bot.</summary>
    public DispatchedInteraction DispatchInteraction(FakeInteraction interaction)
    {
        var (payload, built, sourceMessage) = InteractionPayloads.Build(state, interaction);
        var shard = ShardFor(built.GuildId);
        var dispatched = built with { ShardId = shard };
        lock (_gate)
        {
            var session = FindSessionFor(shard)
                ?? throw new InvalidOperationException(
                    $"No gateway session for shard {shard}: the bot has not identified yet (await WaitForReadyAsync first), or its session was invalidated.");
            state.Interactions.Add(new InteractionEntry(dispatched, state.Time.GetUtcNow(), sourceMessage));
            DispatchLocked(session, "INTERACTION_CREATE", payload, () => state.Interactions.MarkDelivered(dispatched.Id, state.Time.GetUtcNow()));
        }

        return dispatched;
    }

    /// <summary>The shard a guild's events go to: (guild_id &gt;&gt; 22) % shard count; DMs go to shard 0.</summary>
    public int ShardFor(string? guildId)
    {
        if (guildId is null || !ulong.TryParse(guildId, out var id))
        {
            return 0;
        }

        lock (_gate)
        {
            var count = _activeByShard.Values.Select(s => s.ShardCount).DefaultIfEmpty(1).Max();
            return (int)((id >> 22) % (ulong)count);
        }
    }

    public void SendToAll(JsonObject frame)
    {
        foreach (var connection in Snapshot())
        {
            connection.Send(frame.ToJsonString());
        }
    }

    public void InvalidateSessions(bool resumable)
    {
        var frame = Frame(9, resumable);
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Send(frame.ToJsonString());
                if (!resumable && connection.Session is { } session)
                {
                    EndSessionLocked(session);
                }
            }
        }
    }

    public async Task CloseAllAsync(int code)
    {
        var connections = Snapshot();
        foreach (var connection in connections)
        {
            CloseConnection(connection, code);
        }

        await WaitForAsync(connections.Select(c => c.CloseFrameSent));
    }

    public async Task DropAllAsync()
    {
        var connections = Snapshot();
        foreach (var connection in connections)
        {
            connection.Abort();
        }

        await WaitForAsync(connections.Select(c => c.Completion));
    }

    private static async Task WaitForAsync(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // A bot that never answers a close frame is cut off by the connection's own handshake timeout.
        }
    }

    private List<GatewayConnection> Snapshot()
    {
        lock (_gate)
        {
            return [.. _connections];
        }
    }

    private void OnFrame(GatewayConnection connection, JsonObject frame)
    {
        var op = frame["op"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : -1;
        switch (op)
        {
            case 1:
                Interlocked.Increment(ref _heartbeats);
                if (!_suppressHeartbeatAcks)
                {
                    connection.Send(Frame(11, null));
                }

                state.Signal.Pulse();
                break;
            case 2:
                Identify(connection, frame["d"] as JsonObject);
                break;
            case 6:
                Resume(connection, frame["d"] as JsonObject);
                break;
            case 3 or 4 or 8 or 31:
                if (connection.Session is null)
                {
                    CloseConnection(connection, GatewayCloseCodes.NotAuthenticated);
                }

                break;
            default:
                CloseConnection(connection, GatewayCloseCodes.UnknownOpcode);
                break;
        }
    }

    private void Identify(GatewayConnection connection, JsonObject? identify)
    {
        if (identify is null)
        {
            CloseConnection(connection, GatewayCloseCodes.DecodeError);
            return;
        }

        if (connection.Session is not null)
        {
            CloseConnection(connection, GatewayCloseCodes.AlreadyAuthenticated);
            return;
        }

        if ((identify["token"] as JsonValue)?.ToString() != state.Options.Token)
        {
            CloseConnection(connection, GatewayCloseCodes.AuthenticationFailed);
            return;
        }

        if (CheckIntents(identify["intents"]) is { } intentsError)
        {
            CloseConnection(connection, intentsError);
            return;
        }

        if (ReadShard(identify["shard"]) is not var (shardId, shardCount))
        {
            CloseConnection(connection, GatewayCloseCodes.InvalidShard);
            return;
        }

        if (state.Options.RequiredShards is { } required && shardCount < required)
        {
            CloseConnection(connection, GatewayCloseCodes.ShardingRequired);
            return;
        }

        Interlocked.Increment(ref _identifies);
        var intents = identify["intents"]!.GetValue<long>();
        var guilds = state.Options.Guilds.Where(g => (int)((ulong.Parse(g.Id, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount) == shardId).ToList();
        lock (_gate)
        {
            _identifyLog.Add(new IdentifyRecord(shardId, shardCount, state.Time.GetUtcNow()));
            var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), shardId, shardCount, intents);
            _sessions[session.Id] = session;
            _activeByShard[shardId] = session;
            session.Connection = connection;
            connection.Session = session;
            DispatchLocked(session, "READY", ReadyPayload(session, guilds), null);
            if ((intents & Intents.Guilds) != 0)
            {
                var joinedAt = MessageJson.Timestamp(state.Time.GetUtcNow());
                foreach (var guild in guilds)
                {
                    DispatchLocked(session, "GUILD_CREATE", guild.ToGuildCreateJson(joinedAt, state.Options.BotUser), null);
                }
            }
        }

        state.Signal.Pulse();
    }

    private void Resume(GatewayConnection connection, JsonObject? resume)
    {
        if (resume is null)
        {
            CloseConnection(connection, GatewayCloseCodes.DecodeError);
            return;
        }

        if ((resume["token"] as JsonValue)?.ToString() != state.Options.Token)
        {
            CloseConnection(connection, GatewayCloseCodes.AuthenticationFailed);
            return;
        }

        Interlocked.Increment(ref _resumes);
        if (connection.ViaResumeUrl)
        {
            Interlocked.Increment(ref _resumesViaResumeUrl);
        }

        var sessionId = (resume["session_id"] as JsonValue)?.ToString();
        var seq = resume["seq"] is JsonValue seqValue && seqValue.TryGetValue<long>(out var s) ? s : 0;
        lock (_gate)
        {
            if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session) || !session.IsResumable
                || (session.Buffer.Count > 0 && session.Buffer[0].Sequence > seq + 1))
            {
                connection.Send(Frame(9, false));
                state.Signal.Pulse();
                return;
            }

            if (seq > session.Sequence)
            {
                CloseConnection(connection, GatewayCloseCodes.InvalidSequence);
                return;
            }

            if (session.Connection is { } previous && previous != connection)
            {
                previous.Session = null;
                previous.Abort();
            }

            session.Connection = connection;
            connection.Session = session;
            foreach (var missed in session.Buffer.Where(b => b.Sequence > seq))
            {
                connection.Send(missed.Json, missed.OnSent);
            }

            DispatchLocked(session, "RESUMED", new JsonObject { ["_trace"] = new JsonArray("[\"fake-discord-gateway\"]") }, null);
        }

        state.Signal.Pulse();
    }

    private int? CheckIntents(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<long>(out var intents) || (intents & ~Intents.AllDefined) != 0 || intents < 0)
        {
            return GatewayCloseCodes.InvalidIntents;
        }

        return (intents & Intents.Privileged & ~state.Options.EnabledPrivilegedIntents) != 0 ? GatewayCloseCodes.DisallowedIntents : null;
    }

    private static (int ShardId, int ShardCount)? ReadShard(JsonNode? node)
    {
        if (node is null)
        {
            return (0, 1);
        }

        if (node is JsonArray { Count: 2 } pair && pair[0] is JsonValue a && pair[1] is JsonValue b
            && a.TryGetValue<int>(out var id) && b.TryGetValue<int>(out var count) && count >= 1 && id >= 0 && id < count)
        {
            return (id, count);
        }

        return null;
    }

    private JsonObject ReadyPayload(GatewaySession session, List<FakeGuild> guilds) => new()
    {
        ["v"] = 10,
        ["user"] = state.Options.BotUser.ToJson(),
        ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["unavailable"] = true })]),
        ["session_id"] = session.Id,
        ["session_type"] = "normal",
        ["resume_gateway_url"] = state.ResumeGatewayUrl.ToString().TrimEnd('/'),
        ["shard"] = new JsonArray(session.ShardId, session.ShardCount),
        ["application"] = new JsonObject { ["id"] = state.Options.ApplicationId, ["flags"] = 0 },
        ["private_channels"] = new JsonArray(),
        ["relationships"] = new JsonArray(),
        ["presences"] = new JsonArray(),
        ["user_settings"] = new JsonObject(),
        ["_trace"] = new JsonArray("[\"fake-discord-gateway\"]"),
    };

    private long DispatchLocked(GatewaySession session, string eventName, JsonNode data, Action? onSent)
    {
        var seq = ++session.Sequence;
        var json = new JsonObject { ["op"] = 0, ["d"] = data.DeepClone(), ["s"] = seq, ["t"] = eventName }.ToJsonString();
        session.Buffer.Add(new BufferedDispatch(seq, json, onSent));
        if (session.Buffer.Count > state.Options.ResumeBufferSize)
        {
            session.Buffer.RemoveAt(0);
        }

        session.Connection?.Send(json, onSent);
        return seq;
    }

    private GatewaySession? FindSessionFor(int shardId) =>
        _activeByShard.TryGetValue(shardId, out var session) && session.IsResumable ? session : null;

    private void CloseConnection(GatewayConnection connection, int code)
    {
        lock (_gate)
        {
            _serverCloseCodes.Add(code);
            if (GatewayCloseCodes.EndsSession(code) && connection.Session is { } session)
            {
                EndSessionLocked(session);
            }
        }

        connection.Close(code);
        state.Signal.Pulse();
    }

    private void EndSessionLocked(GatewaySession session)
    {
        session.IsResumable = false;
        if (_activeByShard.TryGetValue(session.ShardId, out var active) && active == session)
        {
            _activeByShard.Remove(session.ShardId);
        }
    }

    private void Detach(GatewayConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
            if (connection.ClientCloseCode is { } code)
            {
                _clientCloseCodes.Add(code);
            }

            if (connection.Session is { } session && session.Connection == connection)
            {
                session.Connection = null;
                if (connection.ClientCloseCode is 1000 or 1001)
                {
                    EndSessionLocked(session);
                }
            }
        }

        state.Signal.Pulse();
    }

    private static JsonObject Frame(int op, JsonNode? data) => new() { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null };
}
