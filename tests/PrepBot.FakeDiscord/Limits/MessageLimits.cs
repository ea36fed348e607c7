using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>Create/edit message rules: content ≤ 2000, embeds, components, nonce ≤ 25, allowed_mentions.</summary>
internal static class MessageLimits
{
    public const int MaxContentLength = 2000;
    public const int MaxNonceLength = 25;

    private static readonly HashSet<string> MentionTypes = new(["roles", "users", "everyone"], StringComparer.Ordinal);

    /// <summary>True when the payload has nothing to show (Discord answers 50006 Cannot send an empty message).</summary>
    public static bool IsEmpty(JsonObject message) =>
        string.IsNullOrEmpty((message["content"] as JsonValue)?.ToString())
        && message["embeds"] is not JsonArray { Count: > 0 }
        && message["components"] is not JsonArray { Count: > 0 }
        && message["sticker_ids"] is not JsonArray { Count: > 0 }
        && message["attachments"] is not JsonArray { Count: > 0 }
        && message["poll"] is null;

    public static void Validate(JsonObject message, string path, MessageKind kind, FormErrors errors)
    {
        var flags = Fields.Integer(message, "flags", path, errors) ?? 0;
        var componentsV2 = (flags & ComponentLimits.ComponentsV2Flag) != 0;
        var content = Fields.Text(message, "content", path, errors, max: MaxContentLength);
        if (componentsV2 && !string.IsNullOrEmpty(content))
        {
            errors.Add(FormErrors.Join(path, "content"), "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
        }

        if (Fields.Array(message, "embeds", path, errors, max: EmbedLimits.MaxEmbeds) is { } embeds)
        {
            EmbedLimits.Validate(embeds, FormErrors.Join(path, "embeds"), errors);
        }

        if (Fields.Array(message, "components", path, errors, max: componentsV2 ? 40 : int.MaxValue) is { } components)
        {
            var componentsPath = FormErrors.Join(path, "components");
            if (componentsV2)
            {
                ComponentLimits.ValidateComponentsV2(components, componentsPath, errors);
            }
            else
            {
                ComponentLimits.ValidateRows(components, componentsPath, errors);
            }
        }

        ValidateNonce(message, path, kind, errors);
        ValidateAllowedMentions(message, path, errors);
    }

    private static void ValidateNonce(JsonObject message, string path, MessageKind kind, FormErrors errors)
    {
        var nonce = message["nonce"];
        if (nonce is null || kind != MessageKind.ChannelCreate)
        {
            return;
        }

        var noncePath = FormErrors.Join(path, "nonce");
        switch (nonce.GetValueKind())
        {
            case JsonValueKind.String:
                Fields.Text(message, "nonce", path, errors, max: MaxNonceLength);
                break;
            case JsonValueKind.Number:
                if (!((JsonValue)nonce).TryGetValue<long>(out _))
                {
                    errors.Add(noncePath, "NUMBER_TYPE_COERCE", "Value must be an integer or a string.");
                }

                break;
            default:
                errors.Add(noncePath, "BASE_TYPE_STRING", "Value must be an integer or a string.");
                break;
        }

        Fields.Boolean(message, "enforce_nonce", path, errors);
    }

    private static void ValidateAllowedMentions(JsonObject message, string path, FormErrors errors)
    {
        if (message["allowed_mentions"] is not JsonObject mentions)
        {
            return;
        }

        var mentionsPath = FormErrors.Join(path, "allowed_mentions");
        var parse = Fields.Array(mentions, "parse", mentionsPath, errors, max: 3);
        for (var i = 0; parse is not null && i < parse.Count; i++)
        {
            if ((parse[i] as JsonValue)?.ToString() is not { } type || !MentionTypes.Contains(type))
            {
                errors.Choices(FormErrors.Join(FormErrors.Join(mentionsPath, "parse"), i), "roles, users, everyone");
            }
        }

        foreach (var list in (string[])["users", "roles"])
        {
            Fields.Array(mentions, list, mentionsPath, errors, max: 100);
            var parsed = parse?.Any(p => (p as JsonValue)?.ToString() == list) == true;
            if (parsed && mentions[list] is JsonArray { Count: > 0 })
            {
                errors.Add(FormErrors.Join(mentionsPath, "parse"), "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    $"parse:[\"{list}\"] and {list}: [ids...] are mutually exclusive.");
            }
        }
    }
}
