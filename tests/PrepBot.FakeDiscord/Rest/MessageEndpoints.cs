using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>Create, edit and read channel messages; <c>nonce</c> + <c>enforce_nonce</c> make a retried create idempotent.</summary>
internal static class MessageEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/channels/{channelId}/messages", CreateAsync).WithFakeRoute(FakeRoutes.CreateMessage, "channelId");
        api.MapPatch("/channels/{channelId}/messages/{messageId}", EditAsync).WithFakeRoute(FakeRoutes.EditMessage, "channelId");
        api.MapGet("/channels/{channelId}/messages/{messageId}", Get).WithFakeRoute(FakeRoutes.GetMessage, "channelId");
    }

    private static async Task<IResult> CreateAsync(string channelId, HttpContext context, FakeDiscordState state)
    {
        if (state.Channels.Find(channelId) is not { } channel)
        {
            return DiscordResults.UnknownChannel();
        }

        if (state.PostRefusals.Refusal(channelId) is { } refused)
        {
            return refused;
        }

        var (body, files) = await MessageUploads.ReadAsync(context.Request);
        var errors = new FormErrors();
        MessageLimits.Validate(body, string.Empty, MessageKind.ChannelCreate, errors);
        var pending = new List<PendingFile>();
        var attachments = MessageUploads.Resolve(body, files, existing: null, channelId, ephemeral: false, state, errors, pending);
        if (errors.Any)
        {
            return DiscordResults.InvalidForm(errors);
        }

        if (MessageLimits.IsEmpty(body) && attachments is not { Count: > 0 })
        {
            return DiscordResults.EmptyMessage();
        }

        if (channel.RecipientId is { } recipient && state.Channels.CannotDm(recipient))
        {
            return DiscordResults.CannotDm();
        }

        if (channel.Type is 10 or 11 or 12 && state.Traffic.IsThreadArchived(channelId))
        {
            // As on Discord: a message revives an archived thread unless it is locked.
            if (state.Traffic.IsThreadLocked(channelId))
            {
                return DiscordResults.ThreadLocked();
            }

            state.Traffic.SetThreadArchived(channelId, archived: false, locked: null);
        }

        var enforcedNonce = body["enforce_nonce"]?.GetValueKind() == System.Text.Json.JsonValueKind.True ? body["nonce"]?.ToString() : null;
        var now = state.Time.GetUtcNow();
        var json = MessageJson.Create(body, state.Ids.Next(), channelId, state.Options, now, fromWebhook: false);
        if (attachments is not null)
        {
            json["attachments"] = attachments;
        }

        state.Traffic.StoreFiles(pending);
        var message = state.Traffic.AddMessageOnce(json, now, interactionId: null, enforcedNonce);
        return DiscordResults.Json(message.ToJsonObject());
    }

    private static async Task<IResult> EditAsync(string channelId, string messageId, HttpContext context, FakeDiscordState state)
    {
        if (state.Channels.Find(channelId) is null)
        {
            return DiscordResults.UnknownChannel();
        }

        if (state.Traffic.FindMessage(messageId) is not { } existing || existing.ChannelId != channelId)
        {
            return DiscordResults.UnknownMessage();
        }

        var (body, files) = await MessageUploads.ReadAsync(context.Request);
        return Edit(state, existing, body, MessageKind.ChannelEdit, files: files);
    }

    private static IResult Get(string channelId, string messageId, FakeDiscordState state) =>
        state.Traffic.FindMessage(messageId) is { } message && message.ChannelId == channelId
            ? DiscordResults.Json(message.ToJsonObject())
            : DiscordResults.UnknownMessage();

    /// <summary>Validates an edit, applies it and records the new version; shared with the webhook edit routes.</summary>
    public static IResult Edit(FakeDiscordState state, Recording.FakeMessage existing, JsonObject body, MessageKind kind, int clearFlags = 0, IReadOnlyList<UploadedFile>? files = null)
    {
        var errors = new FormErrors();
        MessageLimits.Validate(body, string.Empty, kind, errors);
        var pending = new List<PendingFile>();
        var current = existing.ToJsonObject();
        var attachments = MessageUploads.Resolve(body, files ?? [], current["attachments"] as JsonArray, existing.ChannelId, existing.IsEphemeral, state, errors, pending);
        if (errors.Any)
        {
            return DiscordResults.InvalidForm(errors);
        }

        var now = state.Time.GetUtcNow();
        var json = MessageJson.ApplyEdit(current, body, now);
        if (attachments is not null)
        {
            json["attachments"] = attachments;
        }
        if (clearFlags != 0)
        {
            json["flags"] = (json["flags"]?.GetValue<int>() ?? 0) & ~clearFlags;
        }

        if (MessageLimits.IsEmpty(json))
        {
            return DiscordResults.EmptyMessage();
        }

        state.Traffic.StoreFiles(pending);
        return DiscordResults.Json(state.Traffic.ReplaceMessage(existing, json, now).ToJsonObject());
    }
}
