using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>A bare ClientWebSocket on the fake's gateway, reading one frame at a time with a timeout.</summary>
internal sealed class RawGateway : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<RawGateway> ConnectAsync(Uri url)
    {
        var gateway = new RawGateway();
        await gateway._socket.ConnectAsync(new Uri($"{url}?v=10&encoding=json"), CancellationToken.None);
        return gateway;
    }

    /// <summary>Connects, reads Hello and identifies; returns the READY dispatch.</summary>
    public static async Task<(RawGateway Gateway, JsonNode Ready)> IdentifiedAsync(FakeDiscordServer server, long intents = 1 | 512 | 4096)
    {
        var gateway = await ConnectAsync(server.GatewayUrl);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(Identify(server.Token, intents));
        return (gateway, await gateway.ReceiveAsync());
    }

    public static JsonObject Identify(string token, long intents) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "prepbot-tests", ["device"] = "prepbot-tests" },
        },
    };

    public Task SendAsync(JsonNode frame) => SendTextAsync(frame.ToJsonString());

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next frame; throws when the server closes instead.</summary>
    public async Task<JsonNode> ReceiveAsync() =>
        await ReceiveOrCloseAsync() ?? throw new InvalidOperationException($"The gateway closed with {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}.");

    /// <summary>Reads frames until one has the dispatch name <paramref name="eventName"/>.</summary>
    public async Task<JsonNode> ReceiveDispatchAsync(string eventName)
    {
        while (true)
        {
            var frame = await ReceiveAsync();
            if ((int)frame["op"]! == 0 && (string?)frame["t"] == eventName)
            {
                return frame;
            }
        }
    }

    /// <summary>Reads until the server closes; returns its close code.</summary>
    public async Task<int> ReceiveCloseAsync()
    {
        while (await ReceiveOrCloseAsync() is not null)
        {
        }

        return (int)_socket.CloseStatus!.Value;
    }

    private async Task<JsonNode?> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }

            return null;
        }

        return JsonNode.Parse(buffer.AsSpan(0, count));
    }

    /// <summary>Closes like a bot that wants to resume later: a code other than 1000/1001.</summary>
    public async Task CloseForResumeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await _socket.CloseAsync((WebSocketCloseStatus)4000, "resume later", timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The test is over either way.
            }
        }

        _socket.Dispose();
    }
}
