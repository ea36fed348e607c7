using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>
/// Application command rules: names 1–32 matching <c>^[-_'\p{L}\p{N}]{1,32}$</c> and lowercase for slash commands,
/// descriptions 1–100, ≤ 25 options (required first, unique names), ≤ 25 choices, 8000 characters per command.
/// </summary>
internal static partial class CommandLimits
{
    public const int MaxSlashCommands = 100;
    public const int MaxContextMenuCommands = 15;
    public const int MaxCommandCharacters = 8000;

    public static void Validate(JsonArray commands, FormErrors errors)
    {
        var names = new HashSet<(long Type, string Name)>();
        for (var i = 0; i < commands.Count; i++)
        {
            var path = FormErrors.Join(string.Empty, i);
            if (commands[i] is not JsonObject command)
            {
                errors.Add(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var type = Fields.Integer(command, "type", path, errors) ?? 1;
            if (type is < 1 or > 4)
            {
                errors.Choices(FormErrors.Join(path, "type"), "1, 2, 3, 4");
            }

            var name = ValidateName(command, path, errors, slash: type == 1);
            if (name is not null && !names.Add((type, name)))
            {
                errors.Add(FormErrors.Join(path, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }

            if (type == 1)
            {
                Fields.Text(command, "description", path, errors, max: 100, min: 1, required: true);
                ValidateOptions(command, path, errors, depth: 0);
            }
            else if (!string.IsNullOrEmpty((command["description"] as JsonValue)?.ToString()))
            {
                errors.Add(FormErrors.Join(path, "description"), "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have a description.");
            }

            ValidatePermissionsAndContexts(command, path, errors);
            if (CountCharacters(command) > MaxCommandCharacters)
            {
                errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", $"Command exceeds maximum size ({MaxCommandCharacters})");
            }
        }

        var slashCount = commands.OfType<JsonObject>().Count(c => Fields.TypeOf(c) is null or 1);
        if (slashCount > MaxSlashCommands)
        {
            errors.MaxLength(string.Empty, MaxSlashCommands);
        }

        foreach (var contextType in (long[])[2, 3])
        {
            if (commands.OfType<JsonObject>().Count(c => Fields.TypeOf(c) == contextType) > MaxContextMenuCommands)
            {
                errors.Add(string.Empty, "APPLICATION_COMMANDS_TOO_MANY", $"Maximum number of type {contextType} commands ({MaxContextMenuCommands}) reached.");
            }
        }
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex SlashName();

    private static string? ValidateName(JsonObject owner, string path, FormErrors errors, bool slash)
    {
        var name = Fields.Text(owner, "name", path, errors, max: 32, min: 1, required: true);
        if (name is null || !slash)
        {
            return name;
        }

        if (!SlashName().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add(FormErrors.Join(path, "name"), "APPLICATION_COMMAND_INVALID_NAME",
                "Command name is invalid: lowercase letters, digits, '-', '_' and '\\'' only, 1–32 characters.");
        }

        return name;
    }

    private static void ValidateOptions(JsonObject owner, string path, FormErrors errors, int depth)
    {
        var options = Fields.Array(owner, "options", path, errors, max: 25);
        if (options is null)
        {
            return;
        }

        var optionsPath = FormErrors.Join(path, "options");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seenOptional = false;
        for (var i = 0; i < options.Count; i++)
        {
            var optionPath = FormErrors.Join(optionsPath, i);
            if (options[i] is not JsonObject option)
            {
                continue;
            }

            var type = Fields.Integer(option, "type", optionPath, errors, required: true);
            if (type is < 1 or > 11)
            {
                errors.Choices(FormErrors.Join(optionPath, "type"), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11");
            }

            if (ValidateName(option, optionPath, errors, slash: true) is { } name && !names.Add(name))
            {
                errors.Add(FormErrors.Join(optionPath, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
            }

            Fields.Text(option, "description", optionPath, errors, max: 100, min: 1, required: true);
            ValidateNesting(option, type, optionPath, errors, depth);
            ValidateChoices(option, optionPath, errors);
            Fields.IntegerInRange(option, "min_length", optionPath, errors, 0, 6000);
            Fields.IntegerInRange(option, "max_length", optionPath, errors, 1, 6000);

            var required = Fields.Boolean(option, "required", optionPath, errors) == true;
            if (required && seenOptional)
            {
                errors.Add(FormErrors.Join(optionPath, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            seenOptional |= !required && type is not (1 or 2);
        }
    }

    private static void ValidateNesting(JsonObject option, long? type, string optionPath, FormErrors errors, int depth)
    {
        if (type is 1 or 2)
        {
            var allowed = type == 2 ? depth == 0 : depth <= 1;
            if (!allowed)
            {
                errors.Add(FormErrors.Join(optionPath, "type"), "APPLICATION_COMMAND_OPTION_NESTING_INVALID", "Sub-commands nest at most: group > sub-command > options.");
            }

            if (type == 2 && option["options"] is JsonArray children
                && children.OfType<JsonObject>().Any(c => Fields.TypeOf(c) != 1))
            {
                errors.Add(FormErrors.Join(optionPath, "options"), "APPLICATION_COMMAND_OPTION_NESTING_INVALID", "A sub-command group holds only sub-commands.");
            }

            ValidateOptions(option, optionPath, errors, depth + 1);
        }
        else if (option["options"] is JsonArray { Count: > 0 })
        {
            errors.Add(FormErrors.Join(optionPath, "options"), "APPLICATION_COMMAND_OPTION_NESTING_INVALID", "Only sub-commands and groups have options.");
        }
    }

    private static void ValidateChoices(JsonObject option, string optionPath, FormErrors errors)
    {
        var choices = Fields.Array(option, "choices", optionPath, errors, max: 25);
        if (choices is { Count: > 0 } && Fields.Boolean(option, "autocomplete", optionPath, errors) == true)
        {
            errors.Add(FormErrors.Join(optionPath, "autocomplete"), "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "Autocomplete cannot be used with choices.");
        }

        for (var c = 0; choices is not null && c < choices.Count; c++)
        {
            if (choices[c] is JsonObject choice)
            {
                var choicePath = FormErrors.Join(FormErrors.Join(optionPath, "choices"), c);
                Fields.Text(choice, "name", choicePath, errors, max: 100, min: 1, required: true);
                if (choice["value"] is null)
                {
                    errors.Required(FormErrors.Join(choicePath, "value"));
                }
                else if (choice["value"]!.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    Fields.Text(choice, "value", choicePath, errors, max: 100, min: 1);
                }
            }
        }
    }

    private static void ValidatePermissionsAndContexts(JsonObject command, string path, FormErrors errors)
    {
        if (command["default_member_permissions"] is JsonValue permissions
            && (permissions.GetValueKind() != System.Text.Json.JsonValueKind.String || !permissions.ToString().All(char.IsAsciiDigit)))
        {
            errors.Add(FormErrors.Join(path, "default_member_permissions"), "BASE_TYPE_STRING", "Must be a permission bit set as a string of digits, or null.");
        }

        foreach (var (field, allowed) in (ReadOnlySpan<(string, long[])>)[("contexts", [0, 1, 2]), ("integration_types", [0, 1])])
        {
            var values = Fields.Array(command, field, path, errors, max: allowed.Length);
            for (var i = 0; values is not null && i < values.Count; i++)
            {
                if (values[i] is not JsonValue value || !value.TryGetValue<long>(out var number) || !allowed.Contains(number))
                {
                    errors.Choices(FormErrors.Join(FormErrors.Join(path, field), i), string.Join(", ", allowed));
                }
            }
        }
    }

    private static int CountCharacters(JsonObject node)
    {
        var total = 0;
        foreach (var key in (string[])["name", "description"])
        {
            if (node[key] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                total += Fields.Length(value.ToString());
            }
        }

        foreach (var key in (string[])["name_localizations", "description_localizations"])
        {
            if (node[key] is JsonObject localizations)
            {
                total += localizations.Select(l => l.Value?.ToString() ?? string.Empty).Sum(Fields.Length);
            }
        }

        if (node["choices"] is JsonArray choices)
        {
            total += choices.OfType<JsonObject>().Sum(c => Fields.Length(c["name"]?.ToString() ?? string.Empty) + Fields.Length(c["value"]?.ToString() ?? string.Empty));
        }

        if (node["options"] is JsonArray options)
        {
            total += options.OfType<JsonObject>().Sum(CountCharacters);
        }

        return total;
    }
}
