using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>Modal rules: custom_id, title ≤ 45, 1–5 components (Labels with a text input or select, or legacy rows), text inputs ≤ 4000.</summary>
internal static class ModalLimits
{
    public const int MaxTitleLength = 45;
    public const int MaxComponents = 5;
    public const int MaxTextInputLength = 4000;

    public static void Validate(JsonObject modal, string path, FormErrors errors)
    {
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        Fields.Text(modal, "custom_id", path, errors, max: ComponentLimits.MaxCustomIdLength, min: 1, required: true);
        Fields.Text(modal, "title", path, errors, max: MaxTitleLength, min: 1, required: true);
        var components = Fields.Array(modal, "components", path, errors, max: MaxComponents, min: 1, required: true);
        if (components is null)
        {
            return;
        }

        var componentsPath = FormErrors.Join(path, "components");
        for (var i = 0; i < components.Count; i++)
        {
            var itemPath = FormErrors.Join(componentsPath, i);
            if (components[i] is not JsonObject item)
            {
                continue;
            }

            switch (Fields.TypeOf(item))
            {
                case 18:
                    ValidateLabel(item, itemPath, errors, customIds);
                    break;
                case 1:
                    ValidateLegacyRow(item, itemPath, errors, customIds);
                    break;
                case 10:
                    Fields.Text(item, "content", itemPath, errors, max: 4000, min: 1, required: true);
                    break;
                default:
                    errors.Add(FormErrors.Join(itemPath, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1, 10, 18).");
                    break;
            }
        }
    }

    private static void ValidateLabel(JsonObject label, string path, FormErrors errors, HashSet<string> customIds)
    {
        Fields.Text(label, "label", path, errors, max: MaxTitleLength, min: 1, required: true);
        Fields.Text(label, "description", path, errors, max: 100);
        var componentPath = FormErrors.Join(path, "component");
        if (label["component"] is not JsonObject inner)
        {
            errors.Required(componentPath);
            return;
        }

        switch (Fields.TypeOf(inner))
        {
            case 4:
                ValidateTextInput(inner, componentPath, errors, customIds, needsLabel: false);
                break;
            case 3 or 5 or 6 or 7 or 8 or 19:
                ComponentLimits.CustomId(inner, componentPath, errors, customIds);
                break;
            default:
                errors.Add(FormErrors.Join(componentPath, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (3, 4, 5, 6, 7, 8, 19).");
                break;
        }
    }

    private static void ValidateLegacyRow(JsonObject row, string path, FormErrors errors, HashSet<string> customIds)
    {
        var children = Fields.Array(row, "components", path, errors, max: 1, min: 1, required: true);
        if (children is [JsonObject input])
        {
            var inputPath = FormErrors.Join(FormErrors.Join(path, "components"), 0);
            if (Fields.TypeOf(input) == 4)
            {
                ValidateTextInput(input, inputPath, errors, customIds, needsLabel: true);
            }
            else
            {
                errors.Add(FormErrors.Join(inputPath, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (4,).");
            }
        }
    }

    private static void ValidateTextInput(JsonObject input, string path, FormErrors errors, HashSet<string> customIds, bool needsLabel)
    {
        ComponentLimits.CustomId(input, path, errors, customIds);
        if (Fields.Integer(input, "style", path, errors, required: true) is not (1 or 2) and not null)
        {
            errors.Choices(FormErrors.Join(path, "style"), "1, 2");
        }

        Fields.Text(input, "label", path, errors, max: MaxTitleLength, min: 1, required: needsLabel);
        Fields.Text(input, "placeholder", path, errors, max: 100);
        Fields.Text(input, "value", path, errors, max: MaxTextInputLength);
        Fields.IntegerInRange(input, "min_length", path, errors, 0, MaxTextInputLength);
        Fields.IntegerInRange(input, "max_length", path, errors, 1, MaxTextInputLength);
        if (input["min_length"] is JsonValue min && input["max_length"] is JsonValue max
            && min.TryGetValue<long>(out var minLength) && max.TryGetValue<long>(out var maxLength) && minLength > maxLength)
        {
            errors.Add(FormErrors.Join(path, "min_length"), "TEXT_INPUT_MIN_GREATER_THAN_MAX", "min_length must not exceed max_length.");
        }
    }
}
