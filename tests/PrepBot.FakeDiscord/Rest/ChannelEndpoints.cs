using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;
using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>DM channels, threads (from a message, or public 11 / private 12 without one) and thread members.</summary>
internal static class ChannelEndpoints
{
    private static readonly HashSet<long> ArchiveDurations = [60, 1440, 4320, 10080];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/users/@me/channels", CreateDmAsync).WithFakeRoute(FakeRoutes.CreateDm);
        api.MapPost("/channels/{channelId}/messages/{messageId}/threads", StartFromMessageAsync)
            .WithFakeRoute(FakeRoutes.StartThreadFromMessage, "channelId");
        api.MapPost("/channels/{channelId}/threads", StartWithoutMessageAsync).WithFakeRoute(FakeRoutes.StartThread, "channelId");
        api.MapPut("/channels/{channelId}/thread-members/{userId}", AddThreadMember).WithFakeRoute(FakeRoutes.AddThreadMember, "channelId");
        api.MapPatch("/channels/{channelId}", ModifyThreadAsync).WithFakeRoute(FakeRoutes.ModifyChannel, "channelId");
    }

    private static async Task<IResult> CreateDmAsync(HttpContext context, FakeDiscordState state)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request);
        var errors = new FormErrors();
        var recipient = Fields.Text(body, "recipient_id", string.Empty, errors, max: 20, min: 1, required: true);
        if (errors.Any || recipient is null)
        {
            return DiscordResults.InvalidForm(errors);
        }

        if (!recipient.All(char.IsAsciiDigit))
        {
            errors.Add("recipient_id", "NUMBER_TYPE_COERCE", $"Value \"{recipient}\" is not snowflake.");
            return DiscordResults.InvalidForm(errors);
        }

        return DiscordResults.Json(state.Channels.ToJson(state.Channels.DmChannelWith(recipient)));
    }

    private static async Task<IResult> StartFromMessageAsync(string channelId, string messageId, HttpContext context, FakeDiscordState state)
    {
        if (state.Channels.Find(channelId) is not { GuildId: { } guildId, Type: 0 or 5 })
        {
            return DiscordResults.UnknownChannel();
        }

        if (state.Traffic.FindMessage(messageId) is not { } message || message.ChannelId != channelId)
        {
            return DiscordResults.UnknownMessage();
        }

        var body = await RequestBody.ReadObjectAsync(context.Request);
        if (ValidateThread(body, allowType: false) is { } invalid)
        {
            return invalid;
        }

        return CreateThread(state, channelId, guildId, body, type: 11, starterMessageId: message.Id);
    }

    private static async Task<IResult> StartWithoutMessageAsync(string channelId, HttpContext context, FakeDiscordState state)
    {
        if (state.Channels.Find(channelId) is not { GuildId: { } guildId, Type: 0 or 5 or 15 })
        {
            return DiscordResults.UnknownChannel();
        }

        var body = await RequestBody.ReadObjectAsync(context.Request);
        if (ValidateThread(body, allowType: true) is { } invalid)
        {
            return invalid;
        }

        var type = (int?)(body["type"] as JsonValue)?.GetValue<long>() ?? 12;
        return CreateThread(state, channelId, guildId, body, type, starterMessageId: null);
    }

    private static IResult AddThreadMember(string channelId, string userId, FakeDiscordState state)
    {
        if (state.Channels.Find(channelId) is not { Type: 10 or 11 or 12 })
        {
            return DiscordResults.UnknownChannel();
        }

        state.Traffic.AddThreadMember(channelId, userId);
        return DiscordResults.NoContent();
    }

    /// <summary>Only the thread fields <c>archived</c> and <c>locked</c>; other channel edits are not modelled.</summary>
    private static async Task<IResult> ModifyThreadAsync(string channelId, HttpContext context, FakeDiscordState state)
    {
        if (state.Channels.Find(channelId) is not { Type: 10 or 11 or 12 } channel)
        {
            return DiscordResults.UnknownChannel();
        }

        var body = await RequestBody.ReadObjectAsync(context.Request);
        var errors = new FormErrors();
        var archived = Fields.Boolean(body, "archived", string.Empty, errors);
        var locked = Fields.Boolean(body, "locked", string.Empty, errors);
        if (errors.Any)
        {
            return DiscordResults.InvalidForm(errors);
        }

        state.Traffic.SetThreadArchived(channelId, archived, locked);
        var json = state.Channels.ToJson(channel);
        json["thread_metadata"] = new JsonObject
        {
            ["archived"] = state.Traffic.IsThreadArchived(channelId),
            ["locked"] = locked ?? false,
            ["archive_timestamp"] = MessageJson.Timestamp(state.Time.GetUtcNow()),
        };
        return DiscordResults.Json(json);
    }

    private static DiscordErrorResult? ValidateThread(JsonObject body, bool allowType)
    {
        var errors = new FormErrors();
        Fields.Text(body, "name", string.Empty, errors, max: 100, min: 1, required: true);
        if (Fields.Integer(body, "auto_archive_duration", string.Empty, errors) is { } duration && !ArchiveDurations.Contains(duration))
        {
            errors.Choices("auto_archive_duration", "60, 1440, 4320, 10080");
        }

        Fields.IntegerInRange(body, "rate_limit_per_user", string.Empty, errors, 0, 21600);
        Fields.Boolean(body, "invitable", string.Empty, errors);
        if (allowType && Fields.Integer(body, "type", string.Empty, errors) is { } type && type is not (10 or 11 or 12))
        {
            errors.Choices("type", "10, 11, 12");
        }

        return errors.Any ? (DiscordErrorResult)DiscordResults.InvalidForm(errors) : null;
    }

    private static IResult CreateThread(FakeDiscordState state, string parentId, string guildId, JsonObject body, int type, string? starterMessageId)
    {
        var name = body["name"]!.ToString();
        var duration = (int?)(body["auto_archive_duration"] as JsonValue)?.GetValue<long>() ?? 4320;
        var invitable = (body["invitable"] as JsonValue)?.GetValue<bool>() ?? true;
        var channel = state.Channels.AddThread(parentId, guildId, name, type);
        state.Traffic.AddThread(new FakeThread(channel.Id, parentId, name, type, starterMessageId, invitable, duration));

        var json = state.Channels.ToJson(channel);
        json["owner_id"] = state.Options.BotUser.Id;
        json["member_count"] = 1;
        json["message_count"] = 0;
        json["thread_metadata"] = new JsonObject
        {
            ["archived"] = false,
            ["auto_archive_duration"] = duration,
            ["archive_timestamp"] = MessageJson.Timestamp(state.Time.GetUtcNow()),
            ["locked"] = false,
            ["invitable"] = type == 12 ? invitable : null,
        };
        return DiscordResults.Json(json, StatusCodes.Status201Created);
    }
}
