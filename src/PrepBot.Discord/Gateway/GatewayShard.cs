using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PrepBot.Discord.Models;

namespace PrepBot.Discord.Gateway;

/// <summary>
/// One shard's connection to the gateway, kept alive across drops: Hello → Identify or Resume, heartbeats with
/// zombie detection, sequence tracking, resume after drops / op 7 / resumable close codes, re-identify after op 9
/// (d:false) and 4007/4009, backoff with jitter between attempts; fatal close codes end it with
/// <see cref="DiscordGatewayException"/>.
/// </summary>
internal sealed partial class GatewayShard(
    int shardId,
    int shardCount,
    string gatewayUrl,
    GatewayIntents intents,
    DiscordOptions options,
    ShardIdentify identifyPacing,
    ChannelWriter<GatewayDispatch> dispatches,
    Action<ReadyEvent> onReady,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Frames we send must be at most this many bytes (Discord closes with 4002 otherwise).</summary>
    public const int MaxFrameBytes = 4096;

    private const int MaxReceiveBytes = 64 * 1024 * 1024;

    /// <summary>A close code we use when we mean to resume: anything but 1000/1001 keeps the session.</summary>
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private string? _sessionId;
    private string? _resumeUrl;
    private int _sequence = -1;
    private volatile GatewayShardState _state = GatewayShardState.Connecting;

    public int ShardId => shardId;

    /// <summary>Where the shard's connection stands now (for readiness checks).</summary>
    public GatewayShardState State => _state;

    /// <summary>Connects and reconnects until cancelled; throws <see cref="DiscordGatewayException"/> on a fatal close code.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunConnectionsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _state = GatewayShardState.Stopped;
        }
    }

    private async Task RunConnectionsAsync(CancellationToken cancellationToken)
    {
        var failedAttempts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (outcome, established) = await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
            if (outcome.Fatal is { } fatal)
            {
                LogFatal(logger, shardId, fatal.CloseCode ?? 0);
                throw fatal;
            }

            var resume = outcome.Kind == NextStep.Resume && _sessionId is not null;
            _state = resume ? GatewayShardState.Resuming : GatewayShardState.Connecting;
            DiscordMetrics.GatewayReconnects.Add(1, new("shard", shardId), new("action", resume ? "resume" : "identify"));

            failedAttempts = established ? 0 : failedAttempts + 1;
            TimeSpan delay;
            if (outcome.Kind == NextStep.IdentifyAfterInvalidSession)
            {
                // Discord: after op 9 d:false, wait 1–5 seconds before identifying again.
                delay = TimeSpan.FromMilliseconds(1000 + (Random.Shared.NextDouble() * 4000));
            }
            else
            {
                // Full jitter: a random wait up to base × 2^attempts (capped), so many shards do not stampede.
                var ceiling = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempts), MaxBackoff.TotalMilliseconds);
                delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
            }

            LogReconnecting(logger, shardId, resume ? "resume" : "identify", delay.TotalSeconds, outcome.Why);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(Outcome Outcome, bool Established)> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var resuming = _sessionId is not null;
        using var socket = new ClientWebSocket();
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var connection = new Connection(socket, new GatewaySendLimiter(time));
        var uri = GatewayUri(resuming ? _resumeUrl ?? gatewayUrl : gatewayUrl);
        Task heartbeat = Task.CompletedTask;
        try
        {
            LogConnecting(logger, shardId, uri.Host, uri.Port, resuming);
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);

            using var helloTimeout = new CancellationTokenSource(HelloTimeout, time);
            using var helloCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, helloTimeout.Token);
            var hello = await ReceiveAsync(socket, helloCts.Token).ConfigureAwait(false);
            if (hello is null)
            {
                return (CloseOutcome(socket), false);
            }

            if (hello.Op != GatewayOpCode.Hello || hello.D is not { } helloData)
            {
                return (Outcome.Resume($"expected Hello (op 10), got op {(int)hello.Op}"), false);
            }

            var interval = TimeSpan.FromMilliseconds(helloData.Deserialize<HelloData>(DiscordJson.Options)!.HeartbeatInterval);
            heartbeat = HeartbeatAsync(connection, interval, connectionCts.Token);

            if (resuming)
            {
                LogResuming(logger, shardId, _sequence);
                await connection.SendAsync(GatewayOpCode.Resume, new ResumeData { Token = options.Token, SessionId = _sessionId!, Seq = _sequence < 0 ? null : _sequence }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await identifyPacing.Coordinator.WaitToIdentifyAsync(shardId, identifyPacing.MaxConcurrency, cancellationToken).ConfigureAwait(false);
                LogIdentifying(logger, shardId, shardCount, (int)intents);
                var identify = new IdentifyData
                {
                    Token = options.Token,
                    Intents = intents,
                    Properties = new IdentifyProperties(),
                    Shard = shardCount > 1 || shardId > 0 ? [shardId, shardCount] : null,
                };
                await connection.SendAsync(GatewayOpCode.Identify, identify, cancellationToken).ConfigureAwait(false);
            }

            return await ReceiveLoopAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: 1000 ends the session, so Discord shows the bot offline at once.
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "shutting down").ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or JsonException)
        {
            if (connection.Zombie)
            {
                return (Outcome.Resume("no heartbeat ACK: zombie connection"), connection.Established);
            }

            return (Outcome.Resume($"connection lost ({exception.GetType().Name}: {exception.Message})"), connection.Established);
        }
        finally
        {
            await connectionCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException or InvalidOperationException)
            {
                // The heartbeat ends with its connection.
            }
        }
    }

    private async Task<(Outcome, bool)> ReceiveLoopAsync(Connection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var payload = await ReceiveAsync(connection.Socket, cancellationToken).ConfigureAwait(false);
            if (payload is null)
            {
                return (connection.Zombie ? Outcome.Resume("no heartbeat ACK: zombie connection") : CloseOutcome(connection.Socket), connection.Established);
            }

            switch (payload.Op)
            {
                case GatewayOpCode.Dispatch:
                    HandleDispatch(payload, connection);
                    break;
                case GatewayOpCode.Heartbeat:
                    await connection.SendHeartbeatAsync(Volatile.Read(ref _sequence), cancellationToken).ConfigureAwait(false);
                    break;
                case GatewayOpCode.HeartbeatAck:
                    connection.AwaitingAck = false;
                    break;
                case GatewayOpCode.Reconnect:
                    LogReconnectRequested(logger, shardId);
                    await connection.CloseAsync(ResumableClose, "reconnect requested").ConfigureAwait(false);
                    return (Outcome.Resume("Discord asked to reconnect (op 7)"), connection.Established);
                case GatewayOpCode.InvalidSession:
                    var resumable = payload.D is { ValueKind: JsonValueKind.True };
                    LogInvalidSession(logger, shardId, resumable);
                    await connection.CloseAsync(ResumableClose, "invalid session").ConfigureAwait(false);
                    if (resumable)
                    {
                        return (Outcome.Resume("invalid session (op 9, resumable)"), connection.Established);
                    }

                    ForgetSession();
                    return (Outcome.IdentifyAfterInvalidSession, connection.Established);
                default:
                    break;
            }
        }
    }

    private void HandleDispatch(GatewayPayload payload, Connection connection)
    {
        if (payload.S is { } sequence)
        {
            if (sequence <= Volatile.Read(ref _sequence))
            {
                return; // already delivered before a resume replayed it
            }

            Volatile.Write(ref _sequence, sequence);
        }

        var name = payload.T ?? string.Empty;
        var data = payload.D ?? default;
        Interaction? interaction = null;
        switch (name)
        {
            case GatewayDispatch.ReadyEventName:
                var ready = data.Deserialize<ReadyEvent>(DiscordJson.Options)!;
                _sessionId = ready.SessionId;
                _resumeUrl = ready.ResumeGatewayUrl;
                connection.Established = true;
                _state = GatewayShardState.Connected;
                LogReady(logger, shardId, ready.User.Username, ready.Guilds.Count);
                onReady(ready);
                break;
            case GatewayDispatch.ResumedEventName:
                connection.Established = true;
                _state = GatewayShardState.Connected;
                DiscordMetrics.GatewayResumes.Add(1, new KeyValuePair<string, object?>("shard", shardId));
                LogResumed(logger, shardId, payload.S ?? 0);
                break;
            case GatewayDispatch.InteractionCreateEventName:
                interaction = data.Deserialize<Interaction>(DiscordJson.Options);
                break;
            default:
                break;
        }

        dispatches.TryWrite(new GatewayDispatch(shardId, name, payload.S ?? 0, data) { Interaction = interaction });
    }

    private async Task HeartbeatAsync(Connection connection, TimeSpan interval, CancellationToken cancellationToken)
    {
        // The first beat comes after interval × jitter, so shards restarted together do not beat in step.
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (connection.AwaitingAck)
            {
                LogZombie(logger, shardId, interval.TotalSeconds);
                connection.Zombie = true;
                await connection.CloseAsync(ResumableClose, "zombie connection").ConfigureAwait(false);
                return;
            }

            await connection.SendHeartbeatAsync(Volatile.Read(ref _sequence), cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private Outcome CloseOutcome(WebSocket socket)
    {
        if (socket.CloseStatus is not { } status)
        {
            return Outcome.Resume("connection closed without a code");
        }

        var code = (int)status;
        var reason = socket.CloseStatusDescription;
        DiscordMetrics.GatewayCloses.Add(1, new KeyValuePair<string, object?>("close_code", code));
        LogClosed(logger, shardId, code, reason ?? string.Empty);
        if (DiscordGatewayException.IsFatal(code))
        {
            return Outcome.FatalClose(new DiscordGatewayException(code, shardId, reason));
        }

        if (code is 4007 or 4009)
        {
            ForgetSession();
            return Outcome.Identify($"closed with {code} (session cannot be resumed)");
        }

        return Outcome.Resume($"closed with {code}");
    }

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        Volatile.Write(ref _sequence, -1);
    }

    private static Uri GatewayUri(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    /// <summary>One whole frame, or null when the server closed the connection.</summary>
    private static async Task<GatewayPayload?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var result = await socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxReceiveBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"A gateway frame exceeded {MaxReceiveBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize<GatewayPayload>(buffer.WrittenSpan, DiscordJson.Options);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: connecting to {Host}:{Port} (resume {Resuming})")]
    private static partial void LogConnecting(ILogger logger, int shardId, string host, int port, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: identifying (shards {ShardCount}, intents {Intents})")]
    private static partial void LogIdentifying(ILogger logger, int shardId, int shardCount, int intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: resuming after sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, int shardId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: ready as {User} in {GuildCount} guilds")]
    private static partial void LogReady(ILogger logger, int shardId, string user, int guildCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int shardId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: Discord asked to reconnect (op 7)")]
    private static partial void LogReconnectRequested(ILogger logger, int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: invalid session (op 9), resumable {Resumable}")]
    private static partial void LogInvalidSession(ILogger logger, int shardId, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: no heartbeat ACK within {IntervalSeconds} s; closing the zombie connection to resume")]
    private static partial void LogZombie(ILogger logger, int shardId, double intervalSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: gateway closed with {CloseCode} {Reason}")]
    private static partial void LogClosed(ILogger logger, int shardId, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: will {Action} in {DelaySeconds:0.###} s ({Why})")]
    private static partial void LogReconnecting(ILogger logger, int shardId, string action, double delaySeconds, string why);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Shard {ShardId}: gateway closed with fatal code {CloseCode}; not reconnecting")]
    private static partial void LogFatal(ILogger logger, int shardId, int closeCode);

    private enum NextStep
    {
        Resume,
        Identify,
        IdentifyAfterInvalidSession,
        Fatal,
    }

    /// <summary>What to do after a connection ended, and why (for the log).</summary>
    private sealed record Outcome(NextStep Kind, string Why, DiscordGatewayException? Fatal = null)
    {
        public static Outcome IdentifyAfterInvalidSession { get; } = new(NextStep.IdentifyAfterInvalidSession, "invalid session (op 9, not resumable)");

        public static Outcome Resume(string why) => new(NextStep.Resume, why);

        public static Outcome Identify(string why) => new(NextStep.Identify, why);

        public static Outcome FatalClose(DiscordGatewayException exception) => new(NextStep.Fatal, exception.Message, exception);
    }

    /// <summary>One WebSocket connection: serialised sends within the 120/60 s limit and heartbeat ACK state.</summary>
    private sealed class Connection(ClientWebSocket socket, GatewaySendLimiter limiter) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private volatile bool _awaitingAck;
        private volatile bool _zombie;
        private volatile bool _established;

        public ClientWebSocket Socket => socket;

        public void Dispose() => _sendLock.Dispose();

        public bool AwaitingAck { get => _awaitingAck; set => _awaitingAck = value; }

        public bool Zombie { get => _zombie; set => _zombie = value; }

        /// <summary>READY or RESUMED arrived on this connection: the session works, so backoff starts over.</summary>
        public bool Established { get => _established; set => _established = value; }

        public async Task SendHeartbeatAsync(int sequence, CancellationToken cancellationToken)
        {
            AwaitingAck = true;
            await SendAsync(GatewayOpCode.Heartbeat, sequence < 0 ? null : sequence, cancellationToken).ConfigureAwait(false);
        }

        public async Task SendAsync(GatewayOpCode op, object? data, CancellationToken cancellationToken)
        {
            var bytes = Serialize(op, data);
            if (bytes.Length > MaxFrameBytes)
            {
                throw new InvalidOperationException($"A gateway frame (op {(int)op}) is {bytes.Length} bytes; Discord accepts at most {MaxFrameBytes}.");
            }

            await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        /// <summary>Sends a close frame (best effort, 2 s at most) and drops the connection.</summary>
        public async Task CloseAsync(WebSocketCloseStatus status, string reason)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    try
                    {
                        await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // Best effort: the connection is being dropped anyway.
                }
            }

            socket.Abort();
        }

        private static byte[] Serialize(GatewayOpCode op, object? data)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("op", (int)op);
                writer.WritePropertyName("d");
                if (data is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(writer, data, data.GetType(), DiscordJson.Options);
                }

                writer.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }
    }
}

/// <summary>Who paces a shard's identifies, and the <c>max_concurrency</c> Discord gave for this run.</summary>
internal sealed record ShardIdentify(IIdentifyCoordinator Coordinator, int MaxConcurrency);
