using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord.Gateway;

/// <summary>
/// One WebSocket: a single writer drains an outbox (so dispatches leave in sequence order), the reader enforces the
/// frame size and the 120-per-60-s send limit and hands each frame to the hub.
/// </summary>
internal sealed class GatewayConnection
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<Outbound> _outbox = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly FakeDiscordOptions _options;
    private readonly FixedWindow _receiveLimit;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closeFrameSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closeSent;

    public GatewayConnection(HttpContext context, WebSocket socket, bool viaResumeUrl, FakeDiscordOptions options)
    {
        _context = context;
        _socket = socket;
        _options = options;
        _receiveLimit = new FixedWindow(options.GatewaySendLimit, options.GatewaySendWindow);
        ViaResumeUrl = viaResumeUrl;
    }

    public bool ViaResumeUrl { get; }

    /// <summary>Guarded by the hub's lock.</summary>
    public GatewaySession? Session { get; set; }

    /// <summary>Completes when the socket is gone, however it went.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Completes when the fake's close frame is on the wire (or the socket is gone).</summary>
    public Task CloseFrameSent => _closeFrameSent.Task;

    /// <summary>The close code the bot sent, if it closed the socket properly.</summary>
    public int? ClientCloseCode { get; private set; }

    public void Send(string json, Action? onSent = null) => _outbox.Writer.TryWrite(new Outbound(json, onSent, null));

    public void Send(JsonObject frame) => Send(frame.ToJsonString());

    public void Close(int code) => _outbox.Writer.TryWrite(new Outbound(string.Empty, null, code));

    /// <summary>Drops the TCP connection without a close frame (nothing to do when the bot already closed it).</summary>
    public void Abort()
    {
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request ended between taking the snapshot of connections and aborting it: already gone.
        }
    }

    public async Task RunAsync(Action<GatewayConnection, JsonObject> onFrame)
    {
        using var lifetime = new CancellationTokenSource();
        var sending = SendLoopAsync(lifetime);
        try
        {
            await ReceiveLoopAsync(onFrame, lifetime.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionResetException)
        {
            // Dropped: the session stays resumable.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await lifetime.CancelAsync();
            await sending;
            _closeFrameSent.TrySetResult();
            _completion.TrySetResult();
        }
    }

    private async Task ReceiveLoopAsync(Action<GatewayConnection, JsonObject> onFrame, CancellationToken cancellationToken)
    {
        var buffer = new byte[_options.MaxGatewayFrameBytes + 1];
        while (true)
        {
            var count = 0;
            var tooLarge = false;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    tooLarge = true;
                    count = 0;
                }

                result = await _socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                count += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientCloseCode = (int?)_socket.CloseStatus;
                if (!_closeSent)
                {
                    _closeSent = true;
                    await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }

                return;
            }

            if (_closeSent)
            {
                continue;
            }

            if (tooLarge || count > _options.MaxGatewayFrameBytes)
            {
                Close(GatewayCloseCodes.DecodeError);
                continue;
            }

            if (!_receiveLimit.TryTake(_options.TimeProvider.GetUtcNow()).Allowed)
            {
                Close(GatewayCloseCodes.RateLimited);
                continue;
            }

            if (Parse(buffer.AsSpan(0, count)) is { } frame)
            {
                onFrame(this, frame);
            }
            else
            {
                Close(GatewayCloseCodes.DecodeError);
            }
        }
    }

    private static JsonObject? Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task SendLoopAsync(CancellationTokenSource lifetime)
    {
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(lifetime.Token))
            {
                if (_closeSent)
                {
                    continue;
                }

                if (item.CloseCode is { } code)
                {
                    _closeSent = true;
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, GatewayCloseCodes.Reason(code), lifetime.Token);
                    _closeFrameSent.TrySetResult();
                    lifetime.CancelAfter(CloseHandshakeTimeout);
                    continue;
                }

                // Stamp before writing: the bot may answer before this loop runs again.
                item.OnSent?.Invoke();
                await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Json), WebSocketMessageType.Text, endOfMessage: true, lifetime.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            Abort();
        }
    }

    private sealed record Outbound(string Json, Action? OnSent, int? CloseCode);
}
