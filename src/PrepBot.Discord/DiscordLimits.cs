using System.Text.RegularExpressions;
using PrepBot.Discord.Models;

namespace PrepBot.Discord;

/// <summary>
/// Discord's size limits, and checks that an outgoing message, modal or command keeps to them. The REST client runs
/// these checks before every send; a failure throws <see cref="DiscordLimitException"/> naming the field path, so
/// nothing Discord would reject leaves the process. The constants let callers split long text beforehand.
/// </summary>
public static partial class DiscordLimits
{
    public const int MaxContentLength = 2000;
    public const int MaxNonceLength = 25;
    public const int MaxActionRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxCustomIdLength = 100;
    public const int MaxButtonLabelLength = 80;
    public const int MaxSelectOptions = 25;
    public const int MaxSelectOptionTextLength = 100;
    public const int MaxSelectPlaceholderLength = 150;
    public const int MaxTextInputPlaceholderLength = 100;
    public const int MaxTextInputLength = 4000;
    public const int MaxModalTitleLength = 45;
    public const int MaxModalComponents = 5;
    public const int MaxLabelLength = 45;
    public const int MaxLabelDescriptionLength = 100;
    public const int MaxEmbeds = 10;
    public const int MaxEmbedTitleLength = 256;
    public const int MaxEmbedDescriptionLength = 4096;
    public const int MaxEmbedFields = 25;
    public const int MaxEmbedFieldNameLength = 256;
    public const int MaxEmbedFieldValueLength = 1024;
    public const int MaxEmbedFooterLength = 2048;
    public const int MaxEmbedAuthorLength = 256;
    public const int MaxEmbedTotalLength = 6000;
    public const int MaxCommandNameLength = 32;
    public const int MaxCommandDescriptionLength = 100;
    public const int MaxCommandOptions = 25;
    public const int MaxCommandChoices = 25;
    public const int MaxCommandTotalLength = 8000;
    public const int MaxAutocompleteChoices = 25;
    public const int MaxThreadNameLength = 100;
    public const int MaxFiles = 10;
    public const int MaxFilenameLength = 1024;
    public const int MaxAttachmentDescriptionLength = 1024;

    /// <summary>Discord's upload limit for a bot in a server without boosts: 10 MiB across the request.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>Checks a message post: content, nonce, embeds, components.</summary>
    public static void Validate(MessageCreate message)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckMessage(message.Content, message.Embeds, message.Components);
        if (message.Nonce is { } nonce && nonce.Length > MaxNonceLength)
        {
            Fail("nonce", $"must be at most {MaxNonceLength} characters (has {nonce.Length})");
        }
    }

    public static void Validate(MessageEdit message)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckMessage(message.Content, message.Embeds, message.Components);
    }

    public static void Validate(WebhookMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckMessage(message.Content, message.Embeds, message.Components);
    }

    /// <summary>Checks files to upload: at most 10, each with a plain file name and a media type, 10 MiB in all.</summary>
    public static void Validate(IReadOnlyList<FileUpload> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > MaxFiles)
        {
            Fail("files", $"at most {MaxFiles} files (has {files.Count})");
        }

        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var at = $"files[{i}]";
            if (string.IsNullOrWhiteSpace(file.Filename) || file.Filename.Length > MaxFilenameLength || file.Filename.IndexOfAny(['/', '\\']) >= 0)
            {
                Fail($"{at}.filename", $"must be a plain file name of 1–{MaxFilenameLength} characters without '/' or '\\' (is '{file.Filename}')");
            }

            if (string.IsNullOrWhiteSpace(file.ContentType))
            {
                Fail($"{at}.content_type", "must name a media type, e.g. image/png");
            }

            CheckMax(file.Description, MaxAttachmentDescriptionLength, $"{at}.description");
            total += file.Content.Length;
        }

        if (total > MaxUploadBytes)
        {
            Fail("files", $"at most {MaxUploadBytes} bytes in all (has {total})");
        }
    }

    /// <summary>Checks an interaction callback: a message (types 4/7), a modal (9) or autocomplete choices (8).</summary>
    public static void Validate(InteractionResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.Data;
        switch (response.Type)
        {
            case InteractionCallbackType.Modal:
                if (data is null)
                {
                    Fail("data", "a modal needs data (custom_id, title, components)");
                }

                CheckModal(data);
                break;
            case InteractionCallbackType.ApplicationCommandAutocompleteResult:
                var choices = data?.Choices ?? [];
                if (choices.Count > MaxAutocompleteChoices)
                {
                    Fail("data.choices", $"at most {MaxAutocompleteChoices} choices (has {choices.Count})");
                }

                for (var i = 0; i < choices.Count; i++)
                {
                    CheckChoice(choices[i], $"data.choices[{i}]");
                }

                break;
            default:
                if (data is not null)
                {
                    CheckMessage(data.Content, data.Embeds, data.Components, "data.");
                }

                break;
        }
    }

    /// <summary>Checks a command list for a bulk overwrite: each command, and unique names per type.</summary>
    public static void Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var seen = new HashSet<(ApplicationCommandType, string)>();
        for (var i = 0; i < commands.Count; i++)
        {
            Validate(commands[i], $"[{i}]");
            if (!seen.Add((commands[i].Type ?? ApplicationCommandType.ChatInput, commands[i].Name)))
            {
                Fail($"[{i}].name", $"'{commands[i].Name}' is registered twice");
            }
        }
    }

    /// <summary>Checks one command: name, description, options (nested), choices, 8000 characters in all.</summary>
    public static void Validate(ApplicationCommand command, string path = "")
    {
        ArgumentNullException.ThrowIfNull(command);
        var prefix = path.Length == 0 ? string.Empty : path + ".";
        var type = command.Type ?? ApplicationCommandType.ChatInput;
        if (type == ApplicationCommandType.ChatInput)
        {
            CheckCommandName(command.Name, $"{prefix}name");
            CheckLength(command.Description, 1, MaxCommandDescriptionLength, $"{prefix}description");
        }
        else
        {
            CheckLength(command.Name, 1, MaxCommandNameLength, $"{prefix}name");
            if (!string.IsNullOrEmpty(command.Description))
            {
                Fail($"{prefix}description", "user and message commands have no description");
            }
        }

        var total = command.Name.Length + command.Description.Length;
        total += CheckOptions(command.Options, $"{prefix}options", depth: 0);
        if (total > MaxCommandTotalLength)
        {
            Fail(path.Length == 0 ? command.Name : path, $"names, descriptions, choices and values add up to {total} characters; at most {MaxCommandTotalLength}");
        }
    }

    private static int CheckOptions(IReadOnlyList<ApplicationCommandOption>? options, string path, int depth)
    {
        if (options is null)
        {
            return 0;
        }

        if (options.Count > MaxCommandOptions)
        {
            Fail(path, $"at most {MaxCommandOptions} options (has {options.Count})");
        }

        var total = 0;
        var optionalSeen = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var at = $"{path}[{i}]";
            CheckCommandName(option.Name, $"{at}.name");
            CheckLength(option.Description, 1, MaxCommandDescriptionLength, $"{at}.description");
            if (!names.Add(option.Name))
            {
                Fail($"{at}.name", $"'{option.Name}' appears twice");
            }

            total += option.Name.Length + option.Description.Length;
            var isGroup = option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            if (isGroup)
            {
                if (depth >= 2 || (option.Type == ApplicationCommandOptionType.SubCommandGroup && depth >= 1))
                {
                    Fail($"{at}.type", "subcommands nest at most as command → group → subcommand");
                }

                total += CheckOptions(option.Options, $"{at}.options", depth + 1);
                continue;
            }

            if (option.Options is { Count: > 0 })
            {
                Fail($"{at}.options", "only subcommands and groups hold options");
            }

            if (option.Required == true && optionalSeen)
            {
                Fail($"{at}.required", "required options must come before optional ones");
            }

            optionalSeen |= option.Required != true;
            if (option.Choices is { } choices)
            {
                if (choices.Count > MaxCommandChoices)
                {
                    Fail($"{at}.choices", $"at most {MaxCommandChoices} choices (has {choices.Count})");
                }

                if (option.Autocomplete == true && choices.Count > 0)
                {
                    Fail($"{at}.autocomplete", "autocomplete cannot be combined with choices");
                }

                for (var c = 0; c < choices.Count; c++)
                {
                    total += CheckChoice(choices[c], $"{at}.choices[{c}]");
                }
            }

            if (option.MinLength is < 0 or > 6000)
            {
                Fail($"{at}.min_length", "must be 0 to 6000");
            }

            if (option.MaxLength is < 1 or > 6000)
            {
                Fail($"{at}.max_length", "must be 1 to 6000");
            }

            if (option.MinValue is { } min && option.MaxValue is { } max && min > max)
            {
                Fail($"{at}.min_value", "must not exceed max_value");
            }
        }

        return total;
    }

    private static int CheckChoice(ApplicationCommandOptionChoice choice, string path)
    {
        CheckLength(choice.Name, 1, 100, $"{path}.name");
        var value = choice.Value?.ToString() ?? string.Empty;
        if (choice.Value is string text)
        {
            CheckLength(text, 1, 100, $"{path}.value");
        }

        return choice.Name.Length + value.Length;
    }

    private static void CheckCommandName(string name, string path)
    {
        if (!CommandName().IsMatch(name ?? string.Empty))
        {
            Fail(path, $"'{name}' must be 1–{MaxCommandNameLength} letters, digits, '-', '_' or apostrophes");
        }

        if (!string.Equals(name, name!.ToLowerInvariant(), StringComparison.Ordinal))
        {
            Fail(path, $"'{name}' must be lowercase");
        }
    }

    private static void CheckMessage(string? content, IReadOnlyList<Embed>? embeds, IReadOnlyList<Component>? components, string prefix = "")
    {
        if (content is not null && content.Length > MaxContentLength)
        {
            Fail($"{prefix}content", $"must be at most {MaxContentLength} characters (has {content.Length})");
        }

        CheckEmbeds(embeds, $"{prefix}embeds");
        CheckMessageComponents(components, $"{prefix}components");
    }

    private static void CheckEmbeds(IReadOnlyList<Embed>? embeds, string path)
    {
        if (embeds is null)
        {
            return;
        }

        if (embeds.Count > MaxEmbeds)
        {
            Fail(path, $"at most {MaxEmbeds} embeds (has {embeds.Count})");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i];
            var at = $"{path}[{i}]";
            total += CheckMax(embed.Title, MaxEmbedTitleLength, $"{at}.title");
            total += CheckMax(embed.Description, MaxEmbedDescriptionLength, $"{at}.description");
            total += CheckMax(embed.Footer?.Text, MaxEmbedFooterLength, $"{at}.footer.text");
            total += CheckMax(embed.Author?.Name, MaxEmbedAuthorLength, $"{at}.author.name");
            var fields = embed.Fields ?? [];
            if (fields.Count > MaxEmbedFields)
            {
                Fail($"{at}.fields", $"at most {MaxEmbedFields} fields (has {fields.Count})");
            }

            for (var f = 0; f < fields.Count; f++)
            {
                total += CheckLength(fields[f].Name, 1, MaxEmbedFieldNameLength, $"{at}.fields[{f}].name");
                total += CheckLength(fields[f].Value, 1, MaxEmbedFieldValueLength, $"{at}.fields[{f}].value");
            }
        }

        if (total > MaxEmbedTotalLength)
        {
            Fail(path, $"titles, descriptions, fields, footers and authors add up to {total} characters; at most {MaxEmbedTotalLength} across a message");
        }
    }

    private static void CheckMessageComponents(IReadOnlyList<Component>? rows, string path)
    {
        if (rows is null)
        {
            return;
        }

        if (rows.Count > MaxActionRows)
        {
            Fail(path, $"at most {MaxActionRows} action rows (has {rows.Count})");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var rowPath = $"{path}[{r}]";
            if (row.Type != ComponentType.ActionRow)
            {
                Fail($"{rowPath}.type", $"a message's top-level components are action rows (type 1), not {row.Type}");
            }

            var children = row.Components ?? [];
            if (children.Count == 0)
            {
                Fail($"{rowPath}.components", "an action row holds 1–5 buttons or one select");
            }

            var selects = children.Count(c => IsSelect(c.Type));
            if (selects > 0 && children.Count > 1)
            {
                Fail($"{rowPath}.components[1]", "a row with a select holds nothing else");
            }

            for (var c = 0; c < children.Count; c++)
            {
                var child = children[c];
                var at = $"{rowPath}.components[{c}]";
                if (c >= MaxButtonsPerRow)
                {
                    Fail(at, $"a row holds at most {MaxButtonsPerRow} buttons");
                }

                switch (child.Type)
                {
                    case ComponentType.Button:
                        CheckButton(child, at, ids);
                        break;
                    case var type when IsSelect(type):
                        CheckSelect(child, at, ids);
                        break;
                    default:
                        Fail($"{at}.type", $"{child.Type} does not belong in a message's action row (buttons and selects do)");
                        break;
                }
            }
        }
    }

    private static void CheckButton(Component button, string path, HashSet<string> ids)
    {
        CheckMax(button.Label, MaxButtonLabelLength, $"{path}.label");
        if (string.IsNullOrEmpty(button.Label) && button.Emoji is null)
        {
            Fail($"{path}.label", "a button needs a label or an emoji");
        }

        if (button.Style == (int)ButtonStyle.Link)
        {
            if (string.IsNullOrWhiteSpace(button.Url))
            {
                Fail($"{path}.url", "a link button needs a url");
            }

            if (button.CustomId is not null)
            {
                Fail($"{path}.custom_id", "a link button has a url, not a custom_id");
            }

            return;
        }

        if (button.Style is null or < 1 or > 5)
        {
            Fail($"{path}.style", "must be 1 (primary) to 5 (link)");
        }

        CheckCustomId(button.CustomId, $"{path}.custom_id", ids);
    }

    private static void CheckSelect(Component select, string path, HashSet<string> ids)
    {
        CheckCustomId(select.CustomId, $"{path}.custom_id", ids);
        CheckMax(select.Placeholder, MaxSelectPlaceholderLength, $"{path}.placeholder");
        var options = select.Options ?? [];
        if (select.Type == ComponentType.StringSelect)
        {
            if (options.Count is 0 or > MaxSelectOptions)
            {
                Fail($"{path}.options", $"a string select holds 1–{MaxSelectOptions} options (has {options.Count})");
            }

            var values = new HashSet<string>(StringComparer.Ordinal);
            for (var o = 0; o < options.Count; o++)
            {
                var at = $"{path}.options[{o}]";
                CheckLength(options[o].Label, 1, MaxSelectOptionTextLength, $"{at}.label");
                CheckLength(options[o].Value, 1, MaxSelectOptionTextLength, $"{at}.value");
                CheckMax(options[o].Description, MaxSelectOptionTextLength, $"{at}.description");
                if (!values.Add(options[o].Value))
                {
                    Fail($"{at}.value", $"'{options[o].Value}' appears twice");
                }
            }
        }

        if (select.MinValues is < 0 or > MaxSelectOptions)
        {
            Fail($"{path}.min_values", $"must be 0 to {MaxSelectOptions}");
        }

        if (select.MaxValues is < 1 or > MaxSelectOptions)
        {
            Fail($"{path}.max_values", $"must be 1 to {MaxSelectOptions}");
        }

        if (select.MinValues is { } min && select.MaxValues is { } max && min > max)
        {
            Fail($"{path}.min_values", "must not exceed max_values");
        }

        if (select.Type == ComponentType.StringSelect && select.MaxValues is { } most && most > options.Count)
        {
            Fail($"{path}.max_values", $"is {most} but there are only {options.Count} options");
        }
    }

    private static void CheckModal(InteractionCallbackData modal)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(modal.CustomId) || modal.CustomId.Length > MaxCustomIdLength)
        {
            Fail("data.custom_id", $"must be 1–{MaxCustomIdLength} characters (has {modal.CustomId?.Length ?? 0})");
        }

        CheckLength(modal.Title, 1, MaxModalTitleLength, "data.title");
        var components = modal.Components ?? [];
        if (components.Count is < 1 or > MaxModalComponents)
        {
            Fail("data.components", $"a modal holds 1–{MaxModalComponents} components (has {components.Count})");
        }

        for (var i = 0; i < components.Count; i++)
        {
            var top = components[i];
            var at = $"data.components[{i}]";
            Component? input;
            string inputPath;
            if (top.Type == ComponentType.Label)
            {
                CheckLength(top.Label, 1, MaxLabelLength, $"{at}.label");
                CheckMax(top.Description, MaxLabelDescriptionLength, $"{at}.description");
                input = top.Child;
                inputPath = $"{at}.component";
                if (input is null)
                {
                    Fail(inputPath, "a label wraps one text input or select");
                }
            }
            else if (top.Type == ComponentType.ActionRow)
            {
                if (top.Components is not { Count: 1 })
                {
                    Fail($"{at}.components", "an action row in a modal holds exactly one text input");
                }

                input = top.Components[0];
                inputPath = $"{at}.components[0]";
                if (input.Type != ComponentType.TextInput)
                {
                    Fail($"{inputPath}.type", "an action row in a modal holds a text input");
                }

                CheckLength(input.Label, 1, MaxLabelLength, $"{inputPath}.label");
            }
            else
            {
                Fail($"{at}.type", $"a modal's top-level components are labels (type 18), not {top.Type}");
                return;
            }

            if (input.Type == ComponentType.TextInput)
            {
                CheckTextInput(input, inputPath, ids);
            }
            else if (IsSelect(input.Type))
            {
                CheckSelect(input, inputPath, ids);
            }
            else
            {
                Fail($"{inputPath}.type", $"a label wraps a text input or a select, not {input.Type}");
            }
        }
    }

    private static void CheckTextInput(Component input, string path, HashSet<string> ids)
    {
        CheckCustomId(input.CustomId, $"{path}.custom_id", ids);
        if (input.Style is not ((int)TextInputStyle.Short or (int)TextInputStyle.Paragraph))
        {
            Fail($"{path}.style", "must be 1 (short) or 2 (paragraph)");
        }

        if (input.MinLength is < 0 or > MaxTextInputLength)
        {
            Fail($"{path}.min_length", $"must be 0 to {MaxTextInputLength}");
        }

        if (input.MaxLength is < 1 or > MaxTextInputLength)
        {
            Fail($"{path}.max_length", $"must be 1 to {MaxTextInputLength}");
        }

        if (input.MinLength is { } min && input.MaxLength is { } max && min > max)
        {
            Fail($"{path}.min_length", "must not exceed max_length");
        }

        CheckMax(input.Value, input.MaxLength ?? MaxTextInputLength, $"{path}.value");
        CheckMax(input.Placeholder, MaxTextInputPlaceholderLength, $"{path}.placeholder");
    }

    private static void CheckCustomId(string? customId, string path, HashSet<string> ids)
    {
        if (string.IsNullOrEmpty(customId) || customId.Length > MaxCustomIdLength)
        {
            Fail(path, $"must be 1–{MaxCustomIdLength} characters (has {customId?.Length ?? 0})");
        }

        if (!ids.Add(customId))
        {
            Fail(path, $"'{customId}' is used twice; custom_ids are unique within a message or modal");
        }
    }

    private static bool IsSelect(ComponentType type) => type is ComponentType.StringSelect or ComponentType.UserSelect
        or ComponentType.RoleSelect or ComponentType.MentionableSelect or ComponentType.ChannelSelect;

    private static int CheckMax(string? text, int max, string path)
    {
        if (text is not null && text.Length > max)
        {
            Fail(path, $"must be at most {max} characters (has {text.Length})");
        }

        return text?.Length ?? 0;
    }

    private static int CheckLength(string? text, int min, int max, string path)
    {
        var length = text?.Length ?? 0;
        if (length < min || length > max)
        {
            Fail(path, $"must be {min}–{max} characters (has {length})");
        }

        return length;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string path, string problem) => throw new DiscordLimitException(path, problem);

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}
