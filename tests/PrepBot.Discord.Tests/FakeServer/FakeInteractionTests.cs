using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>Interactions go out over the gateway and are answered over REST: once, within 3 s of reaching the bot.</summary>
public sealed class FakeInteractionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeDiscordServer _server;
    private RawRest _rest = null!;
    private RawGateway _gateway = null!;

    public FakeInteractionTests() => _server = new FakeDiscordServer(new FakeDiscordOptions { TimeProvider = _time });

    public async ValueTask InitializeAsync()
    {
        await _server.StartAsync();
        _rest = new RawRest(_server);
        (_gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _rest.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Slash_command_arrives_as_a_guild_interaction_with_member_and_options()
    {
        await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz", new Dictionary<string, object> { ["topic"] = "sql", ["count"] = 3 }, subcommand: "start"));

        var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;

        Assert.Equal(2, (int)d["type"]!);
        Assert.Equal(FakeGuild.Default.Id, (string?)d["guild_id"]);
        Assert.Equal(FakeUser.DefaultLearner.Id, (string?)d["member"]!["user"]!["id"]);
        Assert.Equal(FakePermissions.Member, (string?)d["member"]!["permissions"]);
        var sub = d["data"]!["options"]![0]!;
        Assert.Equal(("start", 1), ((string?)sub["name"], (int)sub["type"]!));
        Assert.Equal(("topic", 3, "sql"), ((string?)sub["options"]![0]!["name"], (int)sub["options"]![0]!["type"]!, (string?)sub["options"]![0]!["value"]));
        Assert.Equal(4, (int)sub["options"]![1]!["type"]!);
    }

    [Fact]
    public async Task Dm_interaction_carries_a_user_and_no_member()
    {
        await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("review").InDm());

        var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;

        Assert.Null(d["guild_id"]);
        Assert.Null(d["member"]);
        Assert.Equal(FakeUser.DefaultLearner.Id, (string?)d["user"]!["id"]);
        Assert.Equal(1, (int)d["channel"]!["type"]!);
    }

    [Fact]
    public async Task Callback_is_recorded_and_its_message_becomes_the_original_response()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");

        var response = await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", Message(4, "What does GROUP BY do?"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var recorded = await _server.WaitForInteractionResponseAsync(interaction.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(4, recorded.Type);
        Assert.Equal("What does GROUP BY do?", _server.GetOriginalResponse(interaction.Id)!.Content);
    }

    [Fact]
    public async Task Second_callback_gets_40060_already_acknowledged()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 5 });

        var second = await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", Message(4, "again"));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(40060, (int)(await RawRest.BodyAsync(second))["code"]!);
    }

    [Fact]
    public async Task Callback_after_three_seconds_gets_10062_unknown_interaction()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        _time.Advance(TimeSpan.FromSeconds(3.1));

        var late = await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", Message(4, "too late"));

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(10062, (int)(await RawRest.BodyAsync(late))["code"]!);
    }

    [Fact]
    public async Task Deferred_response_then_edit_original_fills_the_message()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("stats"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });

        var edit = await _rest.SendAsync(HttpMethod.Patch, $"webhooks/{_server.ApplicationId}/{interaction.Token}/messages/@original", new JsonObject { ["content"] = "12 due today" });
        var followUp = await _rest.PostAsync($"webhooks/{_server.ApplicationId}/{interaction.Token}", new JsonObject { ["content"] = "streak: 4", ["flags"] = 64 });

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        var original = await _server.WaitForOriginalResponseAsync(interaction.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("12 due today", original.Content);
        Assert.True(original.IsEphemeral);
        Assert.Equal("streak: 4", Assert.Single(_server.GetFollowUps(interaction.Id)).Content);
    }

    [Fact]
    public async Task Modal_title_over_45_characters_is_rejected_at_data_title()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("sql"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");

        var response = await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", Modal(new string('t', 46)));

        Assert.NotNull((await RawRest.BodyAsync(response))["errors"]!["data"]!["title"]);
        Assert.Null(_server.GetInteractionResponse(interaction.Id));
    }

    [Fact]
    public async Task Modal_submit_brings_text_inputs_inside_labels()
    {
        var opener = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("sql"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        await _rest.PostAsync($"interactions/{opener.Id}/{opener.Token}/callback", Modal("Your query"));
        var modal = await _server.WaitForInteractionResponseAsync(opener.Id, cancellationToken: TestContext.Current.CancellationToken);

        await _server.DispatchInteractionAsync(FakeInteraction.ModalSubmit(modal, new Dictionary<string, string> { ["query"] = "SELECT 1" }));

        var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(5, (int)d["type"]!);
        var label = d["data"]!["components"]![0]!;
        Assert.Equal(18, (int)label["type"]!);
        Assert.Equal(("query", "SELECT 1"), ((string?)label["component"]!["custom_id"], (string?)label["component"]!["value"]));
    }

    [Fact]
    public async Task Button_click_carries_the_message_it_was_on()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        var answer = Message(4, "Q?");
        answer["data"]!["components"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Reveal", ["custom_id"] = "quiz:reveal:card-1" }),
        });
        await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", answer);
        var question = _server.GetOriginalResponse(interaction.Id)!;

        await _server.DispatchInteractionAsync(FakeInteraction.Button(question, "quiz:reveal:card-1"));

        var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(3, (int)d["type"]!);
        Assert.Equal("quiz:reveal:card-1", (string?)d["data"]!["custom_id"]);
        Assert.Equal(question.Id, (string?)d["message"]!["id"]);
    }

    [Fact]
    public async Task Interaction_dispatched_while_the_bot_is_away_is_replayed_on_resume_and_can_be_answered()
    {
        var sessionId = Assert.Single(_server.GatewaySessions).SessionId;
        await _server.DropConnectionsAsync();
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz"));
        _time.Advance(TimeSpan.FromSeconds(10));

        await using var resumed = await RawGateway.ConnectAsync(_server.ResumeGatewayUrl);
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _server.Token, ["session_id"] = sessionId, ["seq"] = 1 } });
        var replayed = await resumed.ReceiveDispatchAsync("INTERACTION_CREATE");
        var callback = await _rest.PostAsync($"interactions/{interaction.Id}/{interaction.Token}/callback", Message(4, "Q?"));

        Assert.Equal(interaction.Id, (string?)replayed["d"]!["id"]);
        Assert.Equal(HttpStatusCode.NoContent, callback.StatusCode);
    }

    private static JsonObject Message(int type, string content) =>
        new() { ["type"] = type, ["data"] = new JsonObject { ["content"] = content } };

    private static JsonObject Modal(string title) => new()
    {
        ["type"] = 9,
        ["data"] = new JsonObject
        {
            ["custom_id"] = "sql:answer:card-7",
            ["title"] = title,
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 18,
                ["label"] = "Query",
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "query", ["style"] = 2, ["max_length"] = 4000 },
            }),
        },
    };
}
