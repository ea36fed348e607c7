using System.Text.Json;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.FakeDiscord.Control;

/// <summary>
/// A small HTTP API under <c>/_fake</c> to drive the bot by hand (curl): run a slash command as a user, click a button,
/// submit a modal, read what the bot posted, cut the gateway.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly TimeSpan ResponseWait = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_fake").AddEndpointFilter(ExplainMistakesAsync);
        control.MapGet("/", Summary);
        control.MapGet("/messages", (string? channelId, FakeDiscordState state) => Messages(state, channelId));
        control.MapGet("/interactions/{interactionId}", Interaction);
        control.MapPost("/interactions", CommandAsync);
        control.MapPost("/components", ComponentAsync);
        control.MapPost("/modals", ModalAsync);
        control.MapPost("/burst", BurstAsync);
        control.MapGet("/stats", (FakeDiscordState state) => DiscordResults.Json(JsonSerializer.SerializeToNode(state.Limits.AllStats(), SnakeCase)!));
        control.MapPost("/gateway/drop", async (FakeDiscordState state) =>
        {
            await state.Gateway.DropAllAsync();
            return Results.NoContent();
        });
        control.MapPost("/gateway/reconnect", (FakeDiscordState state) =>
        {
            state.Gateway.SendToAll(new JsonObject { ["op"] = 7, ["d"] = null });
            return Results.NoContent();
        });
    }

    /// <summary>A request the fake cannot act on (no bot connected, unknown message or button) gets 409 with the reason.</summary>
    private static async ValueTask<object?> ExplainMistakesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or JsonException)
        {
            return Results.Json(new JsonObject { ["error"] = ex.Message }, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static IResult Summary(FakeDiscordState state) => DiscordResults.Json(new JsonObject
    {
        ["api_base_url"] = new Uri(state.BaseUrl, RestEndpoints.BasePath).ToString(),
        ["gateway_url"] = state.GatewayUrl.ToString(),
        ["application_id"] = state.Options.ApplicationId,
        ["guilds"] = JsonSerializer.SerializeToNode(state.Options.Guilds, SnakeCase),
        ["sessions"] = JsonSerializer.SerializeToNode(state.Gateway.Sessions, SnakeCase),
        ["identifies"] = state.Gateway.IdentifyCount,
        ["resumes"] = state.Gateway.ResumeCount,
        ["messages"] = state.Traffic.AllMessages().Count,
        ["rejections"] = JsonSerializer.SerializeToNode(state.Traffic.Rejections(), SnakeCase),
    });

    private static IResult Messages(FakeDiscordState state, string? channelId) =>
        DiscordResults.Json(new JsonArray([.. state.Traffic.AllMessages()
            .Where(m => channelId is null || m.ChannelId == channelId)
            .Select(m => (JsonNode)Describe(m))]));

    private static IResult Interaction(string interactionId, FakeDiscordState state)
    {
        var dispatched = state.Interactions.All().FirstOrDefault(i => i.Id == interactionId);
        return dispatched is null ? Results.NotFound() : DiscordResults.Json(Outcome(state, dispatched));
    }

    /// <summary><c>{"command":"quiz","options":{"topic":"sql"},"subcommand":null,"user_id":"…","username":"…","dm":false,"channel_id":null}</c></summary>
    private static async Task<IResult> CommandAsync(HttpContext context, FakeDiscordState state)
    {
        var body = await ReadAsync(context);
        var options = (body["options"] as JsonObject ?? []).ToDictionary(o => o.Key, o => OptionValue(o.Value), StringComparer.Ordinal);
        var interaction = FakeInteraction.SlashCommand(Required(body, "command"), options, (string?)body["subcommand"]);
        return await DispatchAndWaitAsync(state, Place(interaction, body, state));
    }

    /// <summary><c>{"message_id":"…","custom_id":"…","values":["…"]}</c>: a button click, or a select choice when values are given.</summary>
    private static async Task<IResult> ComponentAsync(HttpContext context, FakeDiscordState state)
    {
        var body = await ReadAsync(context);
        var message = state.Traffic.FindMessage(Required(body, "message_id"))
            ?? throw new ArgumentException($"The bot posted no message {body["message_id"]}.");
        var customId = Required(body, "custom_id");
        var interaction = body["values"] is JsonArray values
            ? FakeInteraction.Select(message, customId, [.. values.Select(v => v!.ToString())])
            : FakeInteraction.Button(message, customId);
        return await DispatchAndWaitAsync(state, Place(interaction, body, state));
    }

    /// <summary><c>{"interaction_id":"…(the one the bot answered with a modal)","fields":{"answer":"SELECT 1"}}</c></summary>
    private static async Task<IResult> ModalAsync(HttpContext context, FakeDiscordState state)
    {
        var body = await ReadAsync(context);
        var modal = state.Interactions.ResponseTo(Required(body, "interaction_id"))
            ?? throw new ArgumentException($"Interaction {body["interaction_id"]} has no response yet.");
        var fields = (body["fields"] as JsonObject ?? []).ToDictionary(f => f.Key, f => f.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
        return await DispatchAndWaitAsync(state, FakeInteraction.ModalSubmit(modal, fields));
    }

    private static async Task<IResult> DispatchAndWaitAsync(FakeDiscordState state, FakeInteraction interaction)
    {
        var dispatched = state.Gateway.DispatchInteraction(interaction);
        try
        {
            await state.Signal.WaitAsync(() => state.Interactions.ResponseTo(dispatched.Id), ResponseWait, () => "the bot's response", CancellationToken.None);

            // A deferred answer ("thinking…", flag 128) is worth reporting only once the bot has filled it in.
            await state.Signal.WaitAsync(
                () => Settled(state, dispatched.Id) ? "settled" : null, ResponseWait, () => "the bot's deferred answer", CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Report what there is: no response within the wait.
        }

        return DiscordResults.Json(Outcome(state, dispatched));
    }

    /// <summary>
    /// <c>{"command":"quiz","count":200,"first_user_id":"1400000000000000000","users":200,"per_second":null,"wait_seconds":30}</c>:
    /// <c>count</c> slash commands by users <c>first_user_id</c>, +1, … (cycling over <c>users</c> of them, default <c>count</c>),
    /// dispatched on the gateway back to back (or <c>per_second</c> evenly paced); answers once every callback arrived
    /// (or <c>wait_seconds</c> passed) with, per interaction, the milliseconds from dispatch to the frame written to the
    /// bot (<c>delivered_ms</c>) and to the callback's arrival (<c>callback_ms</c>), and the callback's type. For the
    /// out-of-process benchmark (<c>tests/PrepBot.Benchmarks -- --burst</c>): the times are taken here, on Discord's side.
    /// </summary>
    private static async Task<IResult> BurstAsync(HttpContext context, FakeDiscordState state)
    {
        var body = await ReadAsync(context);
        var command = body["command"]?.ToString() ?? "quiz";
        var count = (int?)body["count"] ?? throw new ArgumentException("Field 'count' is required.");
        var firstUserId = long.Parse(Required(body, "first_user_id"), System.Globalization.CultureInfo.InvariantCulture);
        var users = (int?)body["users"] ?? count;
        var perSecond = (double?)body["per_second"];
        var wait = TimeSpan.FromSeconds((double?)body["wait_seconds"] ?? 30);
        if (count < 1 || users < 1 || perSecond is <= 0)
        {
            throw new ArgumentException("count and users must be at least 1, per_second above 0.");
        }

        var ids = new string[count];
        var started = state.Time.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (perSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(i / rate) - state.Time.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, state.Time);
                }
            }

            var userId = (firstUserId + (i % users)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var user = new FakeUser(userId, $"learner{userId[^6..]}");
            state.Channels.RememberUser(user);
            ids[i] = state.Gateway.DispatchInteraction(FakeInteraction.SlashCommand(command).By(user)).Id;
        }

        // Callbacks arrive roughly in order: a cursor keeps the check cheap however many changes wake it.
        var answered = 0;
        try
        {
            await state.Signal.WaitAsync(
                () =>
                {
                    while (answered < ids.Length && state.Interactions.ResponseTo(ids[answered]) is not null)
                    {
                        answered++;
                    }

                    return answered == ids.Length ? "all" : null;
                },
                wait,
                () => "every callback of the burst",
                CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Report what arrived; the missing ones have no callback_ms.
        }

        var results = new JsonArray();
        lock (state.Interactions.Gate)
        {
            foreach (var id in ids)
            {
                var entry = state.Interactions.FindById(id)!;
                results.Add(new JsonObject
                {
                    ["interaction_id"] = id,
                    ["user_id"] = entry.Dispatched.UserId,
                    ["delivered_ms"] = entry.DeliveredAt is { } delivered ? (delivered - entry.CreatedAt).TotalMilliseconds : null,
                    ["callback_ms"] = entry.Response is { } response ? (response.ReceivedAt - entry.CreatedAt).TotalMilliseconds : null,
                    ["type"] = entry.Response?.Type,
                });
            }
        }

        return DiscordResults.Json(new JsonObject { ["interactions"] = results });
    }

    private static bool Settled(FakeDiscordState state, string interactionId) =>
        state.Interactions.ResponseTo(interactionId) is { Type: not 5 }
        || (state.Interactions.OriginalMessageId(interactionId) is { } id && state.Traffic.FindMessage(id) is { } message && (message.Flags & 128) == 0);

    private static JsonObject Outcome(FakeDiscordState state, DispatchedInteraction dispatched)
    {
        var response = state.Interactions.ResponseTo(dispatched.Id);
        var originalId = state.Interactions.OriginalMessageId(dispatched.Id);
        var original = originalId is null ? null : state.Traffic.FindMessage(originalId);
        return new JsonObject
        {
            ["interaction_id"] = dispatched.Id,
            ["channel_id"] = dispatched.ChannelId,
            ["response"] = response is null ? null : JsonNode.Parse(response.Json.GetRawText()),
            ["original"] = original is null ? null : Describe(original),
            ["follow_ups"] = new JsonArray([.. state.Interactions.FollowUpIds(dispatched.Id)
                .Select(state.Traffic.FindMessage).OfType<FakeMessage>().Select(m => (JsonNode)Describe(m))]),
        };
    }

    private static JsonObject Describe(FakeMessage message) => new()
    {
        ["id"] = message.Id,
        ["channel_id"] = message.ChannelId,
        ["content"] = message.Content,
        ["ephemeral"] = message.IsEphemeral,
        ["custom_ids"] = new JsonArray([.. message.CustomIds.Select(c => (JsonNode)c)]),
        ["interaction_id"] = message.InteractionId,
        ["embeds"] = JsonNode.Parse(message.Embeds.ValueKind == JsonValueKind.Undefined ? "[]" : message.Embeds.GetRawText()),
    };

    private static FakeInteraction Place(FakeInteraction interaction, JsonObject body, FakeDiscordState state)
    {
        if (body["user_id"]?.ToString() is { } userId)
        {
            var user = new FakeUser(userId, body["username"]?.ToString() ?? $"user-{userId}");
            state.Channels.RememberUser(user);
            interaction = interaction.By(user);
        }

        if (body["admin"] is JsonValue admin && admin.TryGetValue<bool>(out var isAdmin) && isAdmin)
        {
            interaction = interaction.AsAdministrator();
        }

        if (body["dm"] is JsonValue dm && dm.TryGetValue<bool>(out var inDm) && inDm)
        {
            return interaction.InDm();
        }

        return body["channel_id"]?.ToString() is { } channelId ? interaction with { ChannelId = channelId } : interaction;
    }

    private static object OptionValue(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when node.AsValue().TryGetValue<long>(out var whole) => whole,
        JsonValueKind.Number => node.GetValue<double>(),
        _ => node?.ToString() ?? string.Empty,
    };

    private static string Required(JsonObject body, string field) =>
        body[field]?.ToString() ?? throw new ArgumentException($"Field '{field}' is required.");

    private static async Task<JsonObject> ReadAsync(HttpContext context) =>
        await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? throw new ArgumentException("Send a JSON object.");
}
