namespace PrepBot.Conversation;

/// <summary>The type of a command option; transports map it to their own (Discord's option types, terminal text).</summary>
public enum CommandOptionType
{
    Text,
    WholeNumber,
    Boolean,
    Number,
    User,
    Channel,
}

/// <summary>One allowed value of an option: <paramref name="Name"/> is shown, <paramref name="Value"/> is sent.</summary>
public sealed record CommandChoice(string Name, string Value);

/// <summary>
/// A named option of a command, e.g. <c>week</c> of <c>/plan</c>. Names are lowercase (Discord's rule);
/// descriptions at most 100 characters.
/// </summary>
public sealed record CommandOption(string Name, string Description, CommandOptionType Type, bool IsRequired = false)
{
    /// <summary>When not empty, the only values accepted (at most 25).</summary>
    public IReadOnlyList<CommandChoice> Choices { get; init; } = [];

    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>The transport may offer suggestions while the learner types (Discord autocomplete).</summary>
    public bool Autocomplete { get; init; }

    /// <summary>
    /// For <see cref="CommandOptionType.Channel"/>: only channels where messages can be posted and threads started
    /// (Discord's text and announcement channels, not threads, voice or categories) can be picked.
    /// </summary>
    public bool MessageChannelsOnly { get; init; }
}

/// <summary>
/// A command learners can run; the Discord transport registers these as slash commands, the terminal parses
/// <c>/name sub key:value</c>. A command has either options or sub-commands (one level, Discord's rule); a
/// sub-command arrives as <see cref="CommandInput.Name"/> <c>"parent sub"</c>.
/// </summary>
public sealed record CommandDescriptor(string Name, string Description)
{
    public IReadOnlyList<CommandOption> Options { get; init; } = [];

    public IReadOnlyList<CommandDescriptor> Subcommands { get; init; } = [];

    /// <summary>Only members with Manage Server may run it; checked again when it arrives.</summary>
    public bool RequiresManageServer { get; init; }

    /// <summary>Makes sense only inside a server (not in DMs or the terminal).</summary>
    public bool GuildOnly { get; init; }

    /// <summary>The sub-command called <paramref name="name"/>, if any.</summary>
    public CommandDescriptor? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
