using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>Typed reads of payload fields that record a Discord-style error when a field is missing, mistyped or too long.</summary>
internal static class Fields
{
    /// <summary>Characters as Discord counts them (Unicode code points).</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>The <c>type</c> of a component or option, or null when missing or not a number.</summary>
    public static long? TypeOf(JsonNode? node) =>
        node?["type"] is JsonValue value && value.TryGetValue<long>(out var type) ? type : null;

    public static string? Text(JsonObject owner, string name, string path, FormErrors errors, int max, int min = 0, bool required = false)
    {
        var fieldPath = FormErrors.Join(path, name);
        var node = owner[name];
        if (node is null)
        {
            if (required)
            {
                errors.Required(fieldPath);
            }

            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(fieldPath, "BASE_TYPE_STRING", "Value must be a string.");
            return null;
        }

        var text = value.GetValue<string>();
        var length = Length(text);
        if (length < min || length > max)
        {
            if (min > 0)
            {
                errors.BadLength(fieldPath, min, max);
            }
            else
            {
                errors.MaxLength(fieldPath, max);
            }
        }

        return text;
    }

    public static JsonArray? Array(JsonObject owner, string name, string path, FormErrors errors, int max, int min = 0, bool required = false)
    {
        var fieldPath = FormErrors.Join(path, name);
        var node = owner[name];
        if (node is null)
        {
            if (required)
            {
                errors.Required(fieldPath);
            }

            return null;
        }

        if (node is not JsonArray array)
        {
            errors.Add(fieldPath, "BASE_TYPE_LIST", "Value must be a list.");
            return null;
        }

        if (array.Count < min || array.Count > max)
        {
            if (min > 0)
            {
                errors.BadLength(fieldPath, min, max);
            }
            else
            {
                errors.MaxLength(fieldPath, max);
            }
        }

        return array;
    }

    public static long? Integer(JsonObject owner, string name, string path, FormErrors errors, bool required = false)
    {
        var fieldPath = FormErrors.Join(path, name);
        var node = owner[name];
        if (node is null)
        {
            if (required)
            {
                errors.Required(fieldPath);
            }

            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
        {
            return number;
        }

        errors.Add(fieldPath, "NUMBER_TYPE_COERCE", $"Value \"{node.ToJsonString()}\" is not int.");
        return null;
    }

    public static void IntegerInRange(JsonObject owner, string name, string path, FormErrors errors, long min, long max, bool required = false)
    {
        if (Integer(owner, name, path, errors, required) is { } number && (number < min || number > max))
        {
            errors.Range(FormErrors.Join(path, name), min, max);
        }
    }

    public static bool? Boolean(JsonObject owner, string name, string path, FormErrors errors)
    {
        var node = owner[name];
        if (node is null)
        {
            return null;
        }

        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        errors.Add(FormErrors.Join(path, name), "BASE_TYPE_BOOLEAN", "Must be either true or false.");
        return null;
    }
}
