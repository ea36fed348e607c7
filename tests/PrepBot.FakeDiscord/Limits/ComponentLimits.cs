using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>Message component rules: action rows, buttons, selects; custom_ids unique within a message.</summary>
internal static class ComponentLimits
{
    public const int MaxRows = 5;
    public const int MaxRowWidth = 5;
    public const int MaxCustomIdLength = 100;
    public const int ComponentsV2Flag = 1 << 15;
    private const int MaxComponentsV2Total = 40;

    private static readonly HashSet<long> SelectTypes = [3, 5, 6, 7, 8];

    /// <summary>Classic components: up to 5 action rows, each with up to 5 buttons or one select.</summary>
    public static void ValidateRows(JsonArray rows, string path, FormErrors errors)
    {
        if (rows.Count > MaxRows)
        {
            errors.MaxLength(path, MaxRows);
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowPath = FormErrors.Join(path, i);
            if (rows[i] is not JsonObject row || Fields.Integer(row, "type", rowPath, errors, required: true) is not 1)
            {
                errors.Add(FormErrors.Join(rowPath, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).");
                continue;
            }

            ValidateRow(row, rowPath, errors, customIds);
        }
    }

    /// <summary>Components V2 (flag 32768): any layout, at most 40 components in all, interactive ones checked as usual.</summary>
    public static void ValidateComponentsV2(JsonArray components, string path, FormErrors errors)
    {
        var total = Recording.ComponentWalker.All(components).Count();
        if (total > MaxComponentsV2Total)
        {
            errors.Add(path, "COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED", $"Must be {MaxComponentsV2Total} or fewer in total.");
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        ValidateTree(components, path, errors, customIds);
    }

    private static void ValidateTree(JsonArray components, string path, FormErrors errors, HashSet<string> customIds)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i] is not JsonObject component)
            {
                continue;
            }

            var componentPath = FormErrors.Join(path, i);
            if (Fields.TypeOf(component) == 1)
            {
                ValidateRow(component, componentPath, errors, customIds);
                continue;
            }

            ValidateInteractive(component, componentPath, errors, customIds);
            if (component["components"] is JsonArray children)
            {
                ValidateTree(children, FormErrors.Join(componentPath, "components"), errors, customIds);
            }

            if (component["accessory"] is JsonObject accessory)
            {
                ValidateInteractive(accessory, FormErrors.Join(componentPath, "accessory"), errors, customIds);
            }
        }
    }

    private static void ValidateRow(JsonObject row, string rowPath, FormErrors errors, HashSet<string> customIds)
    {
        var children = Fields.Array(row, "components", rowPath, errors, MaxRowWidth, min: 1, required: true);
        if (children is null)
        {
            return;
        }

        var childrenPath = FormErrors.Join(rowPath, "components");
        var hasSelect = children.OfType<JsonObject>().Any(c => Fields.TypeOf(c) is { } t && SelectTypes.Contains(t));
        if (hasSelect && children.Count > 1)
        {
            errors.Add(childrenPath, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
        }

        for (var j = 0; j < children.Count; j++)
        {
            var childPath = FormErrors.Join(childrenPath, j);
            if (children[j] is not JsonObject child)
            {
                errors.Add(childPath, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = Fields.TypeOf(child);
            if (type is not (2 or 3 or 5 or 6 or 7 or 8))
            {
                errors.Add(FormErrors.Join(childPath, "type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (2, 3, 5, 6, 7, 8).");
                continue;
            }

            ValidateInteractive(child, childPath, errors, customIds);
        }
    }

    private static void ValidateInteractive(JsonObject component, string path, FormErrors errors, HashSet<string> customIds)
    {
        var type = Fields.TypeOf(component);
        if (type == 2)
        {
            ValidateButton(component, path, errors, customIds);
        }
        else if (type is { } t && SelectTypes.Contains(t))
        {
            ValidateSelect(component, path, errors, customIds, t == 3);
        }
    }

    private static void ValidateButton(JsonObject button, string path, FormErrors errors, HashSet<string> customIds)
    {
        var style = Fields.Integer(button, "style", path, errors, required: true);
        if (style is < 1 or > 6)
        {
            errors.Choices(FormErrors.Join(path, "style"), "1, 2, 3, 4, 5, 6");
        }

        var label = Fields.Text(button, "label", path, errors, max: 80);
        if (style == 5)
        {
            Fields.Text(button, "url", path, errors, max: 512, min: 1, required: true);
            if (button["custom_id"] is not null)
            {
                errors.Add(FormErrors.Join(path, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A link button cannot have a custom_id.");
            }
        }
        else if (style != 6)
        {
            CustomId(button, path, errors, customIds);
        }

        if (style != 6 && string.IsNullOrEmpty(label) && button["emoji"] is null)
        {
            errors.Add(path, "BUTTON_COMPONENT_INVALID", "A button needs a label or an emoji.");
        }
    }

    private static void ValidateSelect(JsonObject select, string path, FormErrors errors, HashSet<string> customIds, bool isStringSelect)
    {
        CustomId(select, path, errors, customIds);
        Fields.Text(select, "placeholder", path, errors, max: 150);
        Fields.IntegerInRange(select, "min_values", path, errors, 0, 25);
        Fields.IntegerInRange(select, "max_values", path, errors, 1, 25);
        if (!isStringSelect)
        {
            return;
        }

        var options = Fields.Array(select, "options", path, errors, max: 25, min: 1, required: true);
        if (options is null)
        {
            return;
        }

        var optionsPath = FormErrors.Join(path, "options");
        for (var k = 0; k < options.Count; k++)
        {
            if (options[k] is JsonObject option)
            {
                var optionPath = FormErrors.Join(optionsPath, k);
                Fields.Text(option, "label", optionPath, errors, max: 100, min: 1, required: true);
                Fields.Text(option, "value", optionPath, errors, max: 100, min: 1, required: true);
                Fields.Text(option, "description", optionPath, errors, max: 100);
            }
        }

        if (select["max_values"] is JsonValue max && max.TryGetValue<long>(out var maxValues) && maxValues > options.Count)
        {
            errors.Add(FormErrors.Join(path, "max_values"), "SELECT_COMPONENT_MAX_VALUES_EXCEEDED", $"max_values must be {options.Count} or fewer (the number of options).");
        }
    }

    /// <summary>custom_id: required, 1–100 characters, unique within the message or modal.</summary>
    public static void CustomId(JsonObject component, string path, FormErrors errors, HashSet<string> customIds)
    {
        var customId = Fields.Text(component, "custom_id", path, errors, max: MaxCustomIdLength, min: 1, required: true);
        if (customId is not null && !customIds.Add(customId))
        {
            errors.Add(FormErrors.Join(path, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }
}
