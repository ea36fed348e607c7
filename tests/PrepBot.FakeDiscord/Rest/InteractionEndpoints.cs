using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;
using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>
/// Interaction callback (once, within the response window), follow-ups, and edits/deletes of the original response
/// and of follow-ups. No bot token needed; the interaction token authenticates, as on Discord.
/// </summary>
internal static class InteractionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/interactions/{interactionId}/{interactionToken}/callback", CallbackAsync)
            .WithInteractionRoute(FakeRoutes.CreateInteractionResponse, "interactionId");
        api.MapPost("/webhooks/{applicationId}/{interactionToken}", FollowUpAsync)
            .WithInteractionRoute(FakeRoutes.CreateFollowUp, "applicationId", "interactionToken");
        api.MapPatch("/webhooks/{applicationId}/{interactionToken}/messages/@original", EditOriginalAsync)
            .WithInteractionRoute(FakeRoutes.EditOriginalResponse, "applicationId", "interactionToken");
        api.MapDelete("/webhooks/{applicationId}/{interactionToken}/messages/@original", DeleteOriginal)
            .WithInteractionRoute(FakeRoutes.DeleteOriginalResponse, "applicationId", "interactionToken");
        api.MapPatch("/webhooks/{applicationId}/{interactionToken}/messages/{messageId}", EditFollowUpAsync)
            .WithInteractionRoute(FakeRoutes.EditFollowUp, "applicationId", "interactionToken");
    }

    private static async Task<IResult> CallbackAsync(string interactionId, string interactionToken, HttpContext context, FakeDiscordState state)
    {
        var (body, files) = await MessageUploads.ReadAsync(context.Request);
        var now = state.Time.GetUtcNow();
        var log = state.Interactions;
        lock (log.Gate)
        {
            var entry = log.FindById(interactionId);
            if (entry is null || entry.Dispatched.Token != interactionToken)
            {
                return DiscordResults.UnknownInteraction();
            }

            if (entry.Response is not null)
            {
                return DiscordResults.AlreadyAcknowledged();
            }

            if (entry.DeliveredAt is not { } delivered || now - delivered > state.Options.InteractionResponseWindow)
            {
                return DiscordResults.UnknownInteraction();
            }

            var errors = new FormErrors();
            CallbackLimits.Validate(body, entry.Dispatched.Type, errors);
            if (errors.Any)
            {
                return DiscordResults.InvalidForm(errors);
            }

            var type = body["type"]!.GetValue<int>();
            var data = body["data"] as JsonObject ?? [];
            var pending = new List<PendingFile>();
            JsonArray? attachments = null;
            if (type is 4 or 7)
            {
                var existing = type == 7 ? entry.SourceMessage?["attachments"] as JsonArray : null;
                var ephemeral = ((data["flags"] as JsonValue)?.GetValue<int>() & MessageJson.EphemeralFlag) != 0;
                attachments = MessageUploads.Resolve(data, files, existing, entry.Dispatched.ChannelId, ephemeral, state, errors, pending, "data");
            }
            else if (files.Count > 0)
            {
                errors.Add("files", "INTERACTION_RESPONSE_FILES_INVALID", $"Response type {type} cannot carry files.");
            }

            if (errors.Any)
            {
                return DiscordResults.InvalidForm(errors);
            }

            if (type == 4 && MessageLimits.IsEmpty(data) && attachments is not { Count: > 0 })
            {
                return DiscordResults.EmptyMessage();
            }

            state.Traffic.StoreFiles(pending);
            entry.Response = new InteractionResponse(interactionId, body, now, now - delivered);
            var message = ApplyCallback(state, entry, type, data, attachments, now);
            log.Changed();
            return context.Request.Query["with_response"] == "true"
                ? DiscordResults.Json(CallbackResponse(entry, type, message))
                : DiscordResults.NoContent();
        }
    }

    private static FakeMessage? ApplyCallback(FakeDiscordState state, InteractionEntry entry, int type, JsonObject data, JsonArray? attachments, DateTimeOffset now)
    {
        switch (type)
        {
            case 4:
            case 5:
                var body = type == 4 ? data : new JsonObject { ["flags"] = ((data["flags"] as JsonValue)?.GetValue<int>() ?? 0) | MessageJson.LoadingFlag };
                var json = MessageJson.Create(body, state.Ids.Next(), entry.Dispatched.ChannelId, state.Options, now, fromWebhook: true);
                json["interaction_metadata"] = Metadata(entry);
                if (attachments is not null)
                {
                    json["attachments"] = attachments;
                }

                var message = state.Traffic.AddMessageOnce(json, now, entry.Dispatched.Id, enforcedNonce: null);
                entry.OriginalMessageId = message.Id;
                return message;
            case 6:
            case 7:
                var sourceId = (string?)entry.SourceMessage?["id"];
                entry.OriginalMessageId = sourceId;
                if (type == 7 && sourceId is not null && state.Traffic.FindMessage(sourceId) is { } source)
                {
                    var updated = MessageJson.ApplyEdit(source.ToJsonObject(), data, now);
                    if (attachments is not null)
                    {
                        updated["attachments"] = attachments;
                    }

                    return state.Traffic.ReplaceMessage(source, updated, now);
                }

                return null;
            default:
                return null;
        }
    }

    private static async Task<IResult> FollowUpAsync(string applicationId, string interactionToken, HttpContext context, FakeDiscordState state)
    {
        var (body, files) = await MessageUploads.ReadAsync(context.Request);
        var now = state.Time.GetUtcNow();
        lock (state.Interactions.Gate)
        {
            if (FindAcknowledged(state, applicationId, interactionToken, now, out var entry) is { } refusal)
            {
                return refusal;
            }

            var errors = new FormErrors();
            MessageLimits.Validate(body, string.Empty, MessageKind.FollowUp, errors);
            var pending = new List<PendingFile>();
            var ephemeral = ((body["flags"] as JsonValue)?.GetValue<int>() & MessageJson.EphemeralFlag) != 0;
            var attachments = MessageUploads.Resolve(body, files, existing: null, entry!.Dispatched.ChannelId, ephemeral, state, errors, pending);
            if (errors.Any)
            {
                return DiscordResults.InvalidForm(errors);
            }

            if (MessageLimits.IsEmpty(body) && attachments is not { Count: > 0 })
            {
                return DiscordResults.EmptyMessage();
            }

            var json = MessageJson.Create(body, state.Ids.Next(), entry.Dispatched.ChannelId, state.Options, now, fromWebhook: true);
            json["interaction_metadata"] = Metadata(entry);
            if (attachments is not null)
            {
                json["attachments"] = attachments;
            }

            state.Traffic.StoreFiles(pending);
            var message = state.Traffic.AddMessageOnce(json, now, entry.Dispatched.Id, enforcedNonce: null);
            entry.FollowUpIds.Add(message.Id);
            state.Interactions.Changed();
            return DiscordResults.Json(message.ToJsonObject());
        }
    }

    private static async Task<IResult> EditOriginalAsync(string applicationId, string interactionToken, HttpContext context, FakeDiscordState state)
    {
        var (body, files) = await MessageUploads.ReadAsync(context.Request);
        lock (state.Interactions.Gate)
        {
            if (FindAcknowledged(state, applicationId, interactionToken, state.Time.GetUtcNow(), out var entry) is { } refusal)
            {
                return refusal;
            }

            if (entry!.OriginalMessageId is not { } originalId || state.Traffic.FindMessage(originalId) is not { } original)
            {
                return DiscordResults.UnknownMessage();
            }

            var result = MessageEndpoints.Edit(state, original, body, MessageKind.WebhookEdit, clearFlags: MessageJson.LoadingFlag, files: files);
            state.Interactions.Changed();
            return result;
        }
    }

    private static async Task<IResult> EditFollowUpAsync(string applicationId, string interactionToken, string messageId, HttpContext context, FakeDiscordState state)
    {
        var (body, files) = await MessageUploads.ReadAsync(context.Request);
        lock (state.Interactions.Gate)
        {
            if (FindAcknowledged(state, applicationId, interactionToken, state.Time.GetUtcNow(), out var entry) is { } refusal)
            {
                return refusal;
            }

            var ownsMessage = entry!.FollowUpIds.Contains(messageId) || entry.OriginalMessageId == messageId;
            if (!ownsMessage || state.Traffic.FindMessage(messageId) is not { } message)
            {
                return DiscordResults.UnknownMessage();
            }

            return MessageEndpoints.Edit(state, message, body, MessageKind.WebhookEdit, files: files);
        }
    }

    private static IResult DeleteOriginal(string applicationId, string interactionToken, FakeDiscordState state)
    {
        lock (state.Interactions.Gate)
        {
            if (FindAcknowledged(state, applicationId, interactionToken, state.Time.GetUtcNow(), out var entry) is { } refusal)
            {
                return refusal;
            }

            if (entry!.OriginalMessageId is not { } originalId || state.Traffic.FindMessage(originalId) is null)
            {
                return DiscordResults.UnknownMessage();
            }

            state.Traffic.RemoveMessage(originalId);
            return DiscordResults.NoContent();
        }
    }

    /// <summary>Call with the interaction log's gate held. Null when the token is good and the interaction was answered.</summary>
    private static IResult? FindAcknowledged(FakeDiscordState state, string applicationId, string token, DateTimeOffset now, out InteractionEntry? entry)
    {
        entry = state.Interactions.FindByToken(token);
        if (applicationId != state.Options.ApplicationId || entry is null || entry.Response is null)
        {
            return DiscordResults.UnknownWebhook();
        }

        return now - entry.CreatedAt > state.Options.InteractionTokenLifetime ? DiscordResults.InvalidWebhookToken() : null;
    }

    private static JsonObject Metadata(InteractionEntry entry) => new()
    {
        ["id"] = entry.Dispatched.Id,
        ["type"] = entry.Dispatched.Type,
        ["user"] = new JsonObject { ["id"] = entry.Dispatched.UserId },
    };

    private static JsonObject CallbackResponse(InteractionEntry entry, int type, FakeMessage? message)
    {
        var resource = new JsonObject { ["type"] = type };
        if (message is not null)
        {
            resource["message"] = message.ToJsonObject();
        }

        return new JsonObject
        {
            ["interaction"] = new JsonObject
            {
                ["id"] = entry.Dispatched.Id,
                ["type"] = entry.Dispatched.Type,
                ["response_message_id"] = message?.Id,
                ["response_message_loading"] = type == 5,
                ["response_message_ephemeral"] = message?.IsEphemeral ?? false,
            },
            ["resource"] = resource,
        };
    }
}
