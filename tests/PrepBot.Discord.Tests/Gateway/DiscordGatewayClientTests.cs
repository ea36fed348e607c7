using Microsoft.Extensions.Time.Testing;
using PrepBot.Discord.Gateway;
using PrepBot.Discord.Tests.Support;
using PrepBot.FakeDiscord.Gateway;

namespace PrepBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Identify_brings_READY_with_the_application_id_bot_user_and_default_intents()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();

        var ready = await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        Assert.Equal(harness.Fake.ApplicationId, ready.Application.Id.ToString());
        Assert.Equal(harness.Fake.BotUser.Id, harness.Gateway.CurrentUser!.Id.ToString());
        Assert.Equal(Snowflake.Parse(harness.Fake.ApplicationId), harness.Gateway.ApplicationId);
        var session = Assert.Single(harness.Fake.GatewaySessions);
        Assert.Equal(1 | 512 | 4096, session.Intents);
        Assert.Equal((0, 1), (session.ShardId, session.ShardCount));
        Assert.Equal(1, harness.Fake.IdentifyCount);
    }

    [Fact]
    public async Task Message_content_intent_is_asked_for_only_when_configured()
    {
        await using var harness = await DiscordHarness.StartAsync(
            fake: o => o.EnabledPrivilegedIntents = 32768,
            settings: new Dictionary<string, string?> { ["Discord:MessageContent"] = "true" });
        harness.StartGateway();

        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        Assert.Equal(1 | 512 | 4096 | 32768, Assert.Single(harness.Fake.GatewaySessions).Intents);
    }

    [Fact]
    public async Task Interaction_dispatch_arrives_deserialised()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        var sent = await harness.Fake.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz", new Dictionary<string, object> { ["topic"] = "sql" }));
        var dispatch = await NextInteractionAsync(harness.Gateway);

        Assert.Equal(sent.Id, dispatch.Interaction!.Id.ToString());
        Assert.Equal("quiz", dispatch.Interaction.Data!.Name);
        Assert.Equal("sql", dispatch.Interaction.Data.GetSubcommandAndOptions().Options.Single().GetString());
        Assert.Equal(sent.Token, dispatch.Interaction.Token);
    }

    [Fact]
    public async Task Heartbeats_are_acknowledged_and_the_connection_stays_up()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.AdvanceUntilAsync(() => harness.Fake.HeartbeatCount >= 3, "three heartbeats", TimeSpan.FromSeconds(5));

        Assert.Equal(1, harness.Fake.GatewayConnectionCount);
        Assert.Equal(0, harness.Fake.ResumeCount);
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        var before = harness.Fake.HeartbeatCount;

        await harness.Fake.RequestHeartbeatAsync();

        await harness.Fake.WaitUntilAsync(() => harness.Fake.HeartbeatCount > before, "a heartbeat answering op 1", cancellationToken: Ct);
    }

    [Fact]
    public async Task Missing_heartbeat_ACK_closes_the_zombie_connection_without_1000_and_resumes()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        harness.Fake.SuppressHeartbeatAcks = true;

        await harness.AdvanceUntilAsync(() => harness.Fake.ClientCloseCodes.Count > 0, "the client to close the zombie connection", TimeSpan.FromSeconds(5));
        harness.Fake.SuppressHeartbeatAcks = false;
        await harness.AdvanceUntilAsync(() => harness.Fake.ResumeCount == 1, "a resume");

        Assert.DoesNotContain(1000, harness.Fake.ClientCloseCodes);
        Assert.DoesNotContain(1001, harness.Fake.ClientCloseCodes);
        Assert.Equal(1, harness.Fake.IdentifyCount);
        Assert.Equal(1, harness.Fake.ResumesViaResumeUrl);
    }

    [Fact]
    public async Task Reconnect_request_resumes_and_replays_dispatches_sent_meanwhile_exactly_once()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        var before = await harness.Fake.DispatchInteractionAsync(FakeInteraction.SlashCommand("before"));
        Assert.Equal(before.Id, (await NextInteractionAsync(harness.Gateway)).Interaction!.Id.ToString());

        await harness.Fake.SendReconnectAsync();
        await harness.Fake.WaitUntilAsync(() => harness.Fake.OpenGatewayConnections == 0, "the client to close after op 7", cancellationToken: Ct);
        var missed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add((await harness.Fake.DispatchInteractionAsync(FakeInteraction.SlashCommand($"while-away-{i}"))).Id);
        }

        await harness.AdvanceUntilAsync(() => harness.Fake.ResumeCount == 1, "a resume");
        var received = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            received.Add((await NextInteractionAsync(harness.Gateway)).Interaction!.Id.ToString());
        }

        Assert.Equal(missed, received);
        Assert.Equal(1, harness.Fake.IdentifyCount);
        Assert.Equal(1, harness.Fake.ResumesViaResumeUrl);
        Assert.False(harness.Gateway.Dispatches.TryPeek(out var extra) && extra.Interaction is not null, "no interaction is delivered twice");
    }

    [Fact]
    public async Task Dropped_connection_resumes_on_the_resume_url()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.Fake.DropConnectionsAsync();
        await harness.AdvanceUntilAsync(() => harness.Fake.ResumeCount == 1, "a resume after the drop");

        Assert.Equal(1, harness.Fake.IdentifyCount);
        Assert.Equal(1, harness.Fake.ResumesViaResumeUrl);
    }

    [Fact]
    public async Task Invalid_session_that_cannot_resume_leads_to_a_new_identify()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.Fake.InvalidateSessionAsync(resumable: false);
        await harness.AdvanceUntilAsync(() => harness.Fake.IdentifyCount == 2, "a second identify");

        Assert.Equal(0, harness.Fake.ResumeCount);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_codes_that_end_the_session_lead_to_a_new_identify(int code)
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.Fake.CloseAsync(code);
        await harness.AdvanceUntilAsync(() => harness.Fake.IdentifyCount == 2, "a second identify");

        Assert.Equal(0, harness.Fake.ResumeCount);
    }

    [Fact]
    public async Task Resumable_close_code_leads_to_a_resume()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.Fake.CloseAsync(4000);
        await harness.AdvanceUntilAsync(() => harness.Fake.ResumeCount == 1, "a resume");

        Assert.Equal(1, harness.Fake.IdentifyCount);
    }

    [Fact]
    public async Task Authentication_failure_stops_with_a_clear_error_and_is_not_retried()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.Fake.CloseAsync(4004);
        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => harness.GatewayRun.WaitAsync(Wait, Ct));

        Assert.Equal(4004, error.CloseCode);
        Assert.Contains("authentication failed: check Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.GatewayConnectionCount);
        Assert.DoesNotContain(harness.Fake.Token, error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DiscordGatewayException>(async () =>
        {
            await foreach (var _ in harness.Gateway.Dispatches.ReadAllAsync(Ct))
            {
                // READY and GUILD_CREATE are still queued; the stream ends with the fatal error after them.
            }
        });
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4014)]
    public async Task Shard_and_intent_errors_are_fatal(int code)
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);

        await harness.Fake.CloseAsync(code);
        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => harness.GatewayRun.WaitAsync(Wait, Ct));

        Assert.Equal(code, error.CloseCode);
        Assert.Equal(1, harness.Fake.GatewayConnectionCount);
    }

    [Fact]
    public async Task A_shard_range_runs_one_connection_per_shard()
    {
        await using var harness = await DiscordHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Discord:ShardCount"] = "4", ["Discord:ShardIds"] = "1-2" },
            time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();

        await harness.AdvanceUntilAsync(() => harness.Fake.GatewaySessions.Count(s => s.IsConnected) == 2, "two shard sessions");

        Assert.Equal([(1, 4), (2, 4)], harness.Fake.GatewaySessions.Select(s => (s.ShardId, s.ShardCount)).Order());
    }

    [Fact]
    public async Task The_token_never_appears_in_logs()
    {
        await using var harness = await DiscordHarness.StartAsync(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        await harness.Fake.DropConnectionsAsync();
        await harness.AdvanceUntilAsync(() => harness.Fake.ResumeCount == 1, "a resume");
        await harness.Fake.CloseAsync(4004);
        await Assert.ThrowsAsync<DiscordGatewayException>(() => harness.GatewayRun.WaitAsync(Wait, Ct));

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(harness.Fake.Token, harness.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task<GatewayDispatch> NextInteractionAsync(DiscordGatewayClient gateway)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var dispatch = await gateway.Dispatches.ReadAsync(timeout.Token);
            if (dispatch.Interaction is not null)
            {
                return dispatch;
            }
        }
    }
}
