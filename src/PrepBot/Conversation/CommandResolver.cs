using System.Globalization;
using PrepBot.Content;

namespace PrepBot.Conversation;

/// <summary>A command input checked against its descriptor: options normalised (choice values, trimmed text).</summary>
public sealed record ResolvedCommand(CommandDescriptor Descriptor, string Path, IReadOnlyDictionary<string, string> Options)
{
    public string? Get(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public int? GetInt(string name) => Options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    public bool? GetBool(string name) => Options.TryGetValue(name, out var value) ? bool.Parse(value) : null;
}

/// <summary>
/// Checks a <see cref="CommandInput"/> against the catalog before any feature sees it: unknown command,
/// sub-command or option, a missing required option, a value of the wrong type or out of range, or a value
/// outside the choices all come back as one sentence that names the command and the option.
/// Discord validates most of this on the client; the terminal and crafted payloads do not.
/// </summary>
public static class CommandResolver
{
    public static ResolvedCommand? Resolve(IReadOnlyList<CommandDescriptor> catalog, CommandInput input, out string? error)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(input);
        var words = input.Name.Trim().TrimStart('/').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var root = words.Length == 0 ? null : catalog.FirstOrDefault(c => string.Equals(c.Name, words[0], StringComparison.OrdinalIgnoreCase));
        if (root is null)
        {
            var typed = words.Length == 0 ? string.Empty : words[0];
            var suggestion = Suggestions.Closest(typed, catalog.Select(c => c.Name));
            error = $"There is no command `/{typed}`."
                + (suggestion is null ? string.Empty : $" Did you mean `/{suggestion}`?")
                + $" Commands: {string.Join(", ", catalog.Select(c => "/" + c.Name))}.";
            return null;
        }

        var descriptor = root;
        var path = root.Name;
        if (root.Subcommands.Count > 0)
        {
            var subs = string.Join(", ", root.Subcommands.Select(s => $"`/{root.Name} {s.Name}`"));
            if (words.Length < 2)
            {
                error = $"`/{root.Name}` needs a sub-command: {subs}.";
                return null;
            }

            var sub = root.FindSubcommand(words[1]);
            if (sub is null)
            {
                error = $"`/{root.Name}` has no sub-command `{words[1]}`. Try {subs}.";
                return null;
            }

            descriptor = sub;
            path = root.Name + " " + sub.Name;
            words = words[1..];
        }

        if (words.Length > 1)
        {
            error = $"`/{path}` does not take `{string.Join(' ', words[1..])}`; options are written `name:value`.";
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in input.Options)
        {
            var option = descriptor.Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                var suggestion = Suggestions.Closest(name, descriptor.Options.Select(o => o.Name));
                error = descriptor.Options.Count == 0
                    ? $"`/{path}` takes no options (got `{name}`)."
                    : $"`/{path}` has no option `{name}`."
                        + (suggestion is null ? string.Empty : $" Did you mean `{suggestion}`?")
                        + $" Options: {string.Join(", ", descriptor.Options.Select(o => $"`{o.Name}`"))}.";
                return null;
            }

            var value = Normalise(path, option, raw ?? string.Empty, out error);
            if (value is null)
            {
                return null;
            }

            options[option.Name] = value;
        }

        var missing = descriptor.Options.FirstOrDefault(o => o.IsRequired && !options.ContainsKey(o.Name));
        if (missing is not null)
        {
            error = $"`/{path}` needs `{missing.Name}:` — {missing.Description}";
            return null;
        }

        error = null;
        return new ResolvedCommand(descriptor, path, options);
    }

    private static string? Normalise(string path, CommandOption option, string raw, out string? error)
    {
        var value = raw.Trim();
        var where = $"`{option.Name}` of `/{path}`";
        if (value.Length == 0)
        {
            error = $"{where} is empty.";
            return null;
        }

        if (option.Choices.Count > 0)
        {
            var choice = option.Choices.FirstOrDefault(c =>
                string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, value, StringComparison.OrdinalIgnoreCase));
            if (choice is null)
            {
                error = $"{where} must be one of {string.Join(", ", option.Choices.Select(c => $"`{c.Value}`"))} (got `{value}`).";
                return null;
            }

            error = null;
            return choice.Value;
        }

        switch (option.Type)
        {
            case CommandOptionType.WholeNumber:
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    || number < (option.MinValue ?? long.MinValue) || number > (option.MaxValue ?? long.MaxValue))
                {
                    error = $"{where} must be a whole number{Range(option)} (got `{value}`).";
                    return null;
                }

                error = null;
                return number.ToString(CultureInfo.InvariantCulture);
            case CommandOptionType.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || !double.IsFinite(real)
                    || real < (option.MinValue ?? double.MinValue) || real > (option.MaxValue ?? double.MaxValue))
                {
                    error = $"{where} must be a number{Range(option)} (got `{value}`).";
                    return null;
                }

                error = null;
                return real.ToString(CultureInfo.InvariantCulture);
            case CommandOptionType.Boolean:
                bool? flag = value.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" => true,
                    "false" or "no" or "off" => false,
                    _ => null,
                };
                if (flag is null)
                {
                    error = $"{where} must be true or false (got `{value}`).";
                    return null;
                }

                error = null;
                return flag.Value ? "True" : "False";
            default:
                if (option.MaxLength is { } max && value.Length > max)
                {
                    error = $"{where} is at most {max} characters (got {value.Length}).";
                    return null;
                }

                error = null;
                return value;
        }
    }

    private static string Range(CommandOption option) => (option.MinValue, option.MaxValue) switch
    {
        ({ } min, { } max) => $" from {min} to {max}",
        ({ } min, null) => $" of at least {min}",
        (null, { } max) => $" of at most {max}",
        _ => string.Empty,
    };
}
