using System.Globalization;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>Builds and edits message objects the way Discord returns them.</summary>
internal static class MessageJson
{
    public const int EphemeralFlag = 64;
    public const int LoadingFlag = 128;

    private static readonly string[] EditableFields = ["content", "embeds", "components", "flags", "attachments", "allowed_mentions"];

    public static JsonObject Create(JsonObject body, string id, string channelId, FakeDiscordOptions options, DateTimeOffset now, bool fromWebhook)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["type"] = 0,
            ["author"] = options.BotUser.ToJson(),
            ["content"] = (body["content"] as JsonValue)?.ToString() ?? string.Empty,
            ["timestamp"] = Timestamp(now),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = body["embeds"]?.DeepClone() ?? new JsonArray(),
            ["components"] = body["components"]?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["flags"] = (body["flags"] as JsonValue)?.GetValue<int>() ?? 0,
        };
        if (body["nonce"] is { } nonce)
        {
            message["nonce"] = nonce.DeepClone();
        }

        if (body["message_reference"] is JsonObject reference)
        {
            message["message_reference"] = reference.DeepClone();
        }

        if (fromWebhook)
        {
            message["webhook_id"] = options.ApplicationId;
            message["application_id"] = options.ApplicationId;
        }

        return message;
    }

    /// <summary>Applies a PATCH body: present fields replace, explicit nulls clear.</summary>
    public static JsonObject ApplyEdit(JsonObject message, JsonObject edit, DateTimeOffset now)
    {
        foreach (var field in EditableFields)
        {
            if (!edit.TryGetPropertyValue(field, out var value))
            {
                continue;
            }

            message[field] = (field, value) switch
            {
                ("content", null) => string.Empty,
                ("embeds" or "components" or "attachments", null) => new JsonArray(),
                ("flags", null) => 0,
                _ => value?.DeepClone(),
            };
        }

        message.Remove("allowed_mentions");
        message["edited_timestamp"] = Timestamp(now);
        return message;
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
