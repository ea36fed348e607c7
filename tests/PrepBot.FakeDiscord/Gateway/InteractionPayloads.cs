using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Recording;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.FakeDiscord.Gateway;

/// <summary>Turns a <see cref="FakeInteraction"/> into the INTERACTION_CREATE payload Discord would send.</summary>
internal static class InteractionPayloads
{
    public static (JsonObject Payload, DispatchedInteraction Dispatched, JsonObject? SourceMessage) Build(FakeDiscordState state, FakeInteraction spec)
    {
        var user = spec.User;
        var channelId = spec.ChannelId;
        var guildId = spec.GuildId;
        var inDm = spec.InDirectMessage;
        var sourceMessage = spec.Message is { } message ? JsonNode.Parse(message.Json.GetRawText())!.AsObject() : null;
        if (spec.OpenedByInteractionId is { } openerId)
        {
            lock (state.Interactions.Gate)
            {
                var opener = state.Interactions.FindById(openerId)
                    ?? throw new ArgumentException($"Interaction {openerId} is unknown to the fake.", nameof(spec));
                channelId = opener.Dispatched.ChannelId;
                guildId = opener.Dispatched.GuildId;
                inDm = guildId is null;
                user = state.Channels.UserOrPlaceholder(opener.Dispatched.UserId);
                sourceMessage ??= opener.SourceMessage;
            }
        }

        channelId ??= (string?)sourceMessage?["channel_id"];
        var channel = Resolve(state, ref channelId, ref guildId, ref inDm, user);
        state.Channels.RememberUser(user);

        var id = state.Ids.Next();
        var token = "aW50ZXJhY3Rpb246" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var data = (JsonObject)spec.Data.DeepClone();
        if (spec.Type is 2 or 4)
        {
            CompleteCommandData(state, data, guildId);
        }

        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = state.Options.ApplicationId,
            ["type"] = spec.Type,
            ["data"] = data,
            ["channel_id"] = channelId,
            ["channel"] = channel,
            ["token"] = token,
            ["version"] = 1,
            ["locale"] = spec.Locale,
            ["app_permissions"] = FakePermissions.App,
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10_485_760,
        };
        if (inDm)
        {
            payload["user"] = user.ToJson();
            payload["context"] = 1;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
        }
        else
        {
            payload["guild_id"] = guildId;
            payload["guild"] = new JsonObject { ["id"] = guildId, ["locale"] = "en-US", ["features"] = new JsonArray() };
            payload["guild_locale"] = "en-US";
            payload["member"] = Member(user, spec.Permissions, state.Time.GetUtcNow());
            payload["context"] = 0;
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId };
        }

        if (sourceMessage is not null)
        {
            payload["message"] = sourceMessage.DeepClone();
        }

        var dispatched = new DispatchedInteraction(id, token, spec.Type, channelId!, inDm ? null : guildId, user.Id, JsonSerializer.SerializeToElement(payload));
        return (payload, dispatched, sourceMessage);
    }

    private static JsonObject Resolve(FakeDiscordState state, ref string? channelId, ref string? guildId, ref bool inDm, FakeUser user)
    {
        if (channelId is not null && state.Channels.Find(channelId) is { } known)
        {
            inDm = known.RecipientId is not null;
            guildId = known.GuildId;
            return state.Channels.ToJson(known);
        }

        if (inDm)
        {
            var dm = state.Channels.DmChannelWith(user.Id);
            channelId = dm.Id;
            guildId = null;
            return state.Channels.ToJson(dm);
        }

        if (channelId is not null)
        {
            throw new ArgumentException($"Channel {channelId} is unknown to the fake: add it to a FakeGuild in FakeDiscordOptions.Guilds.");
        }

        var wanted = guildId;
        var guild = (wanted is null ? state.Options.Guilds.FirstOrDefault() : state.Options.Guilds.FirstOrDefault(g => g.Id == wanted))
            ?? throw new ArgumentException($"Guild {wanted ?? "(none configured)"} is unknown to the fake: configure FakeDiscordOptions.Guilds.");
        guildId = guild.Id;
        channelId = guild.DefaultChannel.Id;
        return state.Channels.ToJson(state.Channels.Find(channelId)!);
    }

    private static void CompleteCommandData(FakeDiscordState state, JsonObject data, string? guildId)
    {
        var name = data["name"]?.ToString();
        JsonObject? Registered(string? scope) => state.Traffic.CurrentCommands(scope)?.OfType<JsonObject>()
            .FirstOrDefault(c => c["name"]?.ToString() == name && (Limits.Fields.TypeOf(c) ?? 1) == 1);

        var guildCommand = guildId is null ? null : Registered(guildId);
        var command = guildCommand ?? Registered(null);
        data["id"] = command?["id"]?.ToString() ?? state.Ids.Next();
        if (guildCommand is not null)
        {
            data["guild_id"] = guildId;
        }
    }

    private static JsonObject Member(FakeUser user, string permissions, DateTimeOffset now) => new()
    {
        ["user"] = user.ToJson(),
        ["roles"] = new JsonArray(),
        ["permissions"] = permissions,
        ["joined_at"] = MessageJson.Timestamp(now.AddDays(-30)),
        ["nick"] = null,
        ["avatar"] = null,
        ["premium_since"] = null,
        ["communication_disabled_until"] = null,
        ["pending"] = false,
        ["deaf"] = false,
        ["mute"] = false,
        ["flags"] = 0,
    };
}
