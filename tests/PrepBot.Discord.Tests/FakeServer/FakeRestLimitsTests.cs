using System.Net;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>The fake answers what Discord answers: 401 without the token, 50035 with the field path for every limit.</summary>
public sealed class FakeRestLimitsTests : IAsyncLifetime
{
    private readonly FakeDiscordServer _server = new();
    private RawRest _rest = null!;

    private static string Channel => FakeGuild.Default.DefaultChannel.Id;

    public async ValueTask InitializeAsync()
    {
        await _server.StartAsync();
        _rest = new RawRest(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _rest.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Created_message_is_returned_and_recorded_in_its_channel()
    {
        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "Question 1" });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Channel, (string?)body["channel_id"]);
        Assert.Equal("Question 1", Assert.Single(_server.GetMessages(Channel)).Content);
    }

    [Fact]
    public async Task Request_without_the_bot_token_gets_401_unauthorized()
    {
        using var anonymous = new RawRest(_server, token: "not-the-token");

        var response = await anonymous.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "hi" });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (int)body["code"]!);
        Assert.Equal("401: Unauthorized", (string?)body["message"]);
    }

    [Fact]
    public async Task Content_over_2000_characters_is_invalid_form_body_at_content()
    {
        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = new string('x', 2001) });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, (int)body["code"]!);
        Assert.Equal("Invalid Form Body", (string?)body["message"]);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", (string?)body["errors"]!["content"]!["_errors"]![0]!["code"]);
        Assert.Empty(_server.GetMessages(Channel));
    }

    [Fact]
    public async Task Sixth_button_in_a_row_is_rejected_at_that_rows_components()
    {
        var row = Row([.. Enumerable.Range(1, 6).Select(i => Button($"b{i}"))]);

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "q", ["components"] = new JsonArray(row) });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal(50035, (int)body["code"]!);
        Assert.NotNull(body["errors"]!["components"]!["0"]!["components"]!["_errors"]);
    }

    [Fact]
    public async Task Sixth_action_row_is_rejected_at_components()
    {
        var rows = new JsonArray([.. Enumerable.Range(1, 6).Select(i => (JsonNode)Row(Button($"b{i}")))]);

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "q", ["components"] = rows });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", (string?)body["errors"]!["components"]!["_errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Custom_id_over_100_characters_is_rejected_at_its_path()
    {
        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject
        {
            ["content"] = "q",
            ["components"] = new JsonArray(Row(Button("ok"), Button(new string('c', 101)))),
        });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal("BASE_TYPE_BAD_LENGTH", (string?)body["errors"]!["components"]!["0"]!["components"]!["1"]!["custom_id"]!["_errors"]![0]!["code"]);
        Assert.Equal(["components.0.components.1.custom_id"], Assert.Single(_server.Rejections).FieldPaths);
    }

    [Fact]
    public async Task Duplicate_custom_id_in_one_message_is_rejected()
    {
        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject
        {
            ["content"] = "q",
            ["components"] = new JsonArray(Row(Button("same")), Row(Button("same"))),
        });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal("COMPONENT_CUSTOM_ID_DUPLICATED", (string?)body["errors"]!["components"]!["1"]!["components"]!["0"]!["custom_id"]!["_errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Button_label_over_80_characters_is_rejected()
    {
        var button = Button("b");
        button["label"] = new string('l', 81);

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["components"] = new JsonArray(Row(button)) });

        var body = await RawRest.BodyAsync(response);
        Assert.NotNull(body["errors"]!["components"]!["0"]!["components"]!["0"]!["label"]);
    }

    [Fact]
    public async Task Select_with_26_options_is_rejected_at_options()
    {
        var options = new JsonArray([.. Enumerable.Range(1, 26).Select(i => (JsonNode)new JsonObject { ["label"] = $"o{i}", ["value"] = $"v{i}" })]);
        var select = new JsonObject { ["type"] = 3, ["custom_id"] = "pick", ["options"] = options };

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["components"] = new JsonArray(Row(select)) });

        var body = await RawRest.BodyAsync(response);
        Assert.NotNull(body["errors"]!["components"]!["0"]!["components"]!["0"]!["options"]);
    }

    [Fact]
    public async Task Embeds_over_6000_characters_in_total_are_rejected_at_embeds()
    {
        var embeds = new JsonArray([.. Enumerable.Range(1, 2).Select(_ => (JsonNode)new JsonObject { ["description"] = new string('d', 3500) })]);

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["embeds"] = embeds });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal("MAX_EMBED_SIZE_EXCEEDED", (string?)body["errors"]!["embeds"]!["_errors"]![0]!["code"]);
    }

    [Fact]
    public async Task Nonce_over_25_characters_is_rejected_at_nonce()
    {
        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "q", ["nonce"] = new string('n', 26) });

        var body = await RawRest.BodyAsync(response);
        Assert.NotNull(body["errors"]!["nonce"]);
    }

    [Fact]
    public async Task Empty_message_gets_50006()
    {
        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "" });

        Assert.Equal(50006, (int)(await RawRest.BodyAsync(response))["code"]!);
    }

    [Fact]
    public async Task Repeated_enforced_nonce_returns_the_first_message_instead_of_a_duplicate()
    {
        var payload = new JsonObject { ["content"] = "daily question", ["nonce"] = "daily-2024-05-01", ["enforce_nonce"] = true };

        var first = await RawRest.BodyAsync(await _rest.PostAsync($"channels/{Channel}/messages", payload.DeepClone()));
        var second = await RawRest.BodyAsync(await _rest.PostAsync($"channels/{Channel}/messages", payload.DeepClone()));

        Assert.Equal((string?)first["id"], (string?)second["id"]);
        Assert.Single(_server.GetMessages(Channel));
    }

    [Fact]
    public async Task Same_nonce_without_enforce_nonce_creates_two_messages()
    {
        var payload = new JsonObject { ["content"] = "q", ["nonce"] = "n1" };

        await _rest.PostAsync($"channels/{Channel}/messages", payload.DeepClone());
        await _rest.PostAsync($"channels/{Channel}/messages", payload.DeepClone());

        Assert.Equal(2, _server.GetMessages(Channel).Count);
    }

    [Fact]
    public async Task Posting_to_a_user_who_blocks_dms_gets_50007()
    {
        _server.SetCannotDm("1300000000000000009");
        var dm = await RawRest.BodyAsync(await _rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = "1300000000000000009" }));

        var response = await _rest.PostAsync($"channels/{dm["id"]}/messages", new JsonObject { ["content"] = "your reviews are due" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(50007, (int)(await RawRest.BodyAsync(response))["code"]!);
    }

    [Fact]
    public async Task Dm_channel_is_the_same_on_every_create()
    {
        var first = await RawRest.BodyAsync(await _rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = "1300000000000000002" }));
        var second = await RawRest.BodyAsync(await _rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = "1300000000000000002" }));

        Assert.Equal(1, (int)first["type"]!);
        Assert.Equal((string?)first["id"], (string?)second["id"]);
    }

    [Fact]
    public async Task Private_thread_is_created_and_members_are_recorded()
    {
        var thread = await RawRest.BodyAsync(await _rest.PostAsync($"channels/{Channel}/threads", new JsonObject { ["name"] = "mock interview", ["type"] = 12, ["invitable"] = false }));

        var added = await _rest.SendAsync(HttpMethod.Put, $"channels/{thread["id"]}/thread-members/{FakeUser.DefaultLearner.Id}");

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(12, Assert.Single(_server.Threads).Type);
        Assert.Equal([FakeUser.DefaultLearner.Id], _server.GetThreadMembers((string)thread["id"]!));
    }

    [Fact]
    public async Task Archived_thread_is_revived_by_a_message_unless_it_is_locked()
    {
        var thread = await RawRest.BodyAsync(await _rest.PostAsync($"channels/{Channel}/threads", new JsonObject { ["name"] = "Mock", ["type"] = 12 }));
        var id = (string)thread["id"]!;

        var archived = await _rest.SendAsync(HttpMethod.Patch, $"channels/{id}", new JsonObject { ["archived"] = true });
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.True(_server.IsThreadArchived(id));
        await _rest.PostAsync($"channels/{id}/messages", new JsonObject { ["content"] = "back" });
        Assert.False(_server.IsThreadArchived(id));

        await _rest.SendAsync(HttpMethod.Patch, $"channels/{id}", new JsonObject { ["archived"] = true, ["locked"] = true });
        var refused = await _rest.PostAsync($"channels/{id}/messages", new JsonObject { ["content"] = "again" });
        Assert.Equal(50083, (int?)(await RawRest.BodyAsync(refused))["code"]);
        Assert.True(_server.IsThreadArchived(id));
        var notAThread = await _rest.SendAsync(HttpMethod.Patch, $"channels/{Channel}", new JsonObject { ["archived"] = true });
        Assert.Equal(HttpStatusCode.NotFound, notAThread.StatusCode);
    }

    [Fact]
    public async Task Uppercase_command_name_is_rejected_and_valid_overwrite_returns_ids()
    {
        var bad = await _rest.SendAsync(HttpMethod.Put, $"applications/{_server.ApplicationId}/commands", new JsonArray(new JsonObject { ["name"] = "Quiz", ["description"] = "A question" }));
        var good = await _rest.SendAsync(HttpMethod.Put, $"applications/{_server.ApplicationId}/commands", new JsonArray(new JsonObject { ["name"] = "quiz", ["description"] = "A question" }));

        Assert.Equal("APPLICATION_COMMAND_INVALID_NAME", (string?)(await RawRest.BodyAsync(bad))["errors"]!["0"]!["name"]!["_errors"]![0]!["code"]);
        Assert.NotNull((await RawRest.BodyAsync(good))[0]!["id"]);
        Assert.Equal(1, _server.GlobalCommandOverwriteCount);
    }

    [Fact]
    public async Task Edited_message_replaces_the_recorded_version()
    {
        var created = await RawRest.BodyAsync(await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "Q1", ["components"] = new JsonArray(Row(Button("reveal"))) }));

        var edited = await _rest.SendAsync(HttpMethod.Patch, $"channels/{Channel}/messages/{created["id"]}", new JsonObject { ["components"] = new JsonArray() });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var message = Assert.Single(_server.GetMessages(Channel));
        Assert.Equal("Q1", message.Content);
        Assert.Empty(message.CustomIds);
        Assert.NotNull(message.EditedAt);
    }

    [Fact]
    public async Task Thread_started_from_a_message_is_public_and_remembers_its_starter()
    {
        var created = await RawRest.BodyAsync(await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "Daily question" }));

        var response = await _rest.PostAsync($"channels/{Channel}/messages/{created["id"]}/threads", new JsonObject { ["name"] = "Discuss", ["auto_archive_duration"] = 1440 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var thread = Assert.Single(_server.Threads);
        Assert.Equal((11, (string?)created["id"]), (thread.Type, thread.StarterMessageId));
    }

    private static JsonObject Row(params JsonObject[] components) =>
        new() { ["type"] = 1, ["components"] = new JsonArray([.. components.Select(c => (JsonNode)c)]) };

    private static JsonObject Button(string customId) =>
        new() { ["type"] = 2, ["style"] = 1, ["label"] = "Go", ["custom_id"] = customId };
}
