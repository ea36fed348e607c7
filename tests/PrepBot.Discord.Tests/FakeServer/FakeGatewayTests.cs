using System.Text.Json.Nodes;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>The fake's gateway follows Discord's handshake, heartbeat, close-code and resume rules.</summary>
public sealed class FakeGatewayTests : IAsyncLifetime
{
    private readonly FakeDiscordServer _server = new(new FakeDiscordOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) });

    public async ValueTask InitializeAsync() => await _server.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Hello_carries_the_configured_heartbeat_interval()
    {
        await using var gateway = await RawGateway.ConnectAsync(_server.GatewayUrl);

        var hello = await gateway.ReceiveAsync();

        Assert.Equal(10, (int)hello["op"]!);
        Assert.Equal(5000, (long)hello["d"]!["heartbeat_interval"]!);
    }

    [Fact]
    public async Task Identify_gets_ready_then_one_guild_create_per_guild()
    {
        var (gateway, ready) = await RawGateway.IdentifiedAsync(_server);
        await using var _ = gateway;

        var guildCreate = await gateway.ReceiveAsync();

        Assert.Equal("READY", (string?)ready["t"]);
        Assert.Equal(1, (long)ready["s"]!);
        Assert.Equal(_server.ApplicationId, (string?)ready["d"]!["application"]!["id"]);
        Assert.Equal(_server.BotUser.Id, (string?)ready["d"]!["user"]!["id"]);
        Assert.Equal(_server.ResumeGatewayUrl.ToString().TrimEnd('/'), (string?)ready["d"]!["resume_gateway_url"]);
        Assert.Equal("GUILD_CREATE", (string?)guildCreate["t"]);
        Assert.Equal(2, (long)guildCreate["s"]!);
        Assert.Equal(1, _server.IdentifyCount);
    }

    [Fact]
    public async Task Heartbeat_is_acknowledged()
    {
        var (gateway, ready) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var _ = gateway;

        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = (long)ready["s"]! });

        Assert.Equal(11, (int)(await gateway.ReceiveAsync())["op"]!);
        Assert.Equal(1, _server.HeartbeatCount);
    }

    [Fact]
    public async Task Suppressed_acks_leave_a_heartbeat_unanswered()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var __ = gateway;
        _server.SuppressHeartbeatAcks = true;

        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        await _server.DispatchAsync("PROBE", new JsonObject());

        Assert.Equal("PROBE", (string?)(await gateway.ReceiveAsync())["t"]);
    }

    [Fact]
    public async Task Wrong_token_closes_with_4004()
    {
        await using var gateway = await RawGateway.ConnectAsync(_server.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(RawGateway.Identify("wrong-token", 1));

        Assert.Equal(GatewayCloseCodes.AuthenticationFailed, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Privileged_intent_not_enabled_closes_with_4014()
    {
        await using var gateway = await RawGateway.ConnectAsync(_server.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(RawGateway.Identify(_server.Token, 1 | 32768));

        Assert.Equal(GatewayCloseCodes.DisallowedIntents, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Undefined_intent_bit_closes_with_4013()
    {
        await using var gateway = await RawGateway.ConnectAsync(_server.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(RawGateway.Identify(_server.Token, 1L << 40));

        Assert.Equal(GatewayCloseCodes.InvalidIntents, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Frame_over_4096_bytes_closes_with_4002()
    {
        await using var gateway = await RawGateway.ConnectAsync(_server.GatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendTextAsync($$"""{"op":1,"d":null,"pad":"{{new string('x', 4100)}}"}""");

        Assert.Equal(GatewayCloseCodes.DecodeError, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task More_than_120_sends_in_a_minute_closes_with_4008()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var __ = gateway;

        for (var i = 0; i < 120; i++)
        {
            await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        }

        Assert.Equal(GatewayCloseCodes.RateLimited, await gateway.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Resume_replays_events_dispatched_while_disconnected_then_resumed()
    {
        var (gateway, ready) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        var sessionId = (string)ready["d"]!["session_id"]!;
        await gateway.CloseForResumeAsync();
        await gateway.DisposeAsync();
        await _server.WaitUntilAsync(() => _server.OpenGatewayConnections == 0, "the socket to close", cancellationToken: TestContext.Current.CancellationToken);

        await _server.DispatchAsync("MISSED_ONE", new JsonObject { ["n"] = 1 });
        await _server.DispatchAsync("MISSED_TWO", new JsonObject { ["n"] = 2 });
        await using var resumed = await RawGateway.ConnectAsync(_server.ResumeGatewayUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _server.Token, ["session_id"] = sessionId, ["seq"] = 1 } });

        Assert.Equal(("MISSED_ONE", 2L), Dispatch(await resumed.ReceiveAsync()));
        Assert.Equal(("MISSED_TWO", 3L), Dispatch(await resumed.ReceiveAsync()));
        Assert.Equal(("RESUMED", 4L), Dispatch(await resumed.ReceiveAsync()));
        Assert.Equal(1, _server.ResumesViaResumeUrl);
    }

    [Fact]
    public async Task Resume_of_an_unknown_session_gets_invalid_session_false()
    {
        await using var gateway = await RawGateway.ConnectAsync(_server.ResumeGatewayUrl);
        await gateway.ReceiveAsync();

        await gateway.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _server.Token, ["session_id"] = "nope", ["seq"] = 3 } });

        var invalid = await gateway.ReceiveAsync();
        Assert.Equal(9, (int)invalid["op"]!);
        Assert.False((bool)invalid["d"]!);
    }

    [Fact]
    public async Task Dropped_connection_keeps_the_session_resumable()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var _ = gateway;

        await _server.DropConnectionsAsync();

        var session = Assert.Single(_server.GatewaySessions);
        Assert.False(session.IsConnected);
        Assert.True(session.IsResumable);
    }

    [Fact]
    public async Task Closing_with_1000_ends_the_session()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);

        await gateway.DisposeAsync();
        await _server.WaitUntilAsync(() => _server.OpenGatewayConnections == 0, "the socket to close", cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(Assert.Single(_server.GatewaySessions).IsResumable);
        Assert.Equal([1000], _server.ClientCloseCodes);
    }

    [Fact]
    public async Task Reconnect_and_invalid_session_controls_send_op_7_and_op_9()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var _ = gateway;

        await _server.SendReconnectAsync();
        await _server.InvalidateSessionAsync(resumable: true);

        Assert.Equal(7, (int)(await gateway.ReceiveAsync())["op"]!);
        var invalid = await gateway.ReceiveAsync();
        Assert.Equal(9, (int)invalid["op"]!);
        Assert.True((bool)invalid["d"]!);
    }

    [Fact]
    public async Task Server_close_code_reaches_the_bot()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var _ = gateway;

        await _server.CloseAsync(GatewayCloseCodes.SessionTimedOut);

        Assert.Equal(GatewayCloseCodes.SessionTimedOut, await gateway.ReceiveCloseAsync());
        Assert.False(Assert.Single(_server.GatewaySessions).IsResumable);
    }

    private static (string?, long) Dispatch(JsonNode frame) => ((string?)frame["t"], (long)frame["s"]!);
}
