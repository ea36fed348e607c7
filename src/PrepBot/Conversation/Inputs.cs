namespace PrepBot.Conversation;

/// <summary>Who is acting, as the transport knows them.</summary>
/// <param name="Platform">e.g. <c>discord</c> or <c>terminal</c>.</param>
/// <param name="UserId">The platform's stable id for the person.</param>
/// <param name="DisplayName">A name to greet them with.</param>
/// <param name="DefaultTimeZoneId">The time zone a new learner starts with (an IANA id).</param>
public sealed record LearnerIdentity(string Platform, string UserId, string DisplayName, string DefaultTimeZoneId)
{
    /// <summary>The server the input came from; <see langword="null"/> in DMs and the terminal.</summary>
    public string? GuildId { get; init; }

    /// <summary>The channel the input came from, when the transport has channels.</summary>
    public string? ChannelId { get; init; }

    /// <summary>
    /// May run admin commands here: Discord's Manage Server permission in this server (as Discord reports it on
    /// the interaction), or the terminal's local user, who owns the deck.
    /// </summary>
    public bool CanManageServer { get; init; }
}

/// <summary>Something a learner did: a command, a button press, a selection, or a submitted form.</summary>
public abstract record UserInput;

/// <summary>
/// A command such as <c>/quiz</c>, with its options by name (values as text; the router checks them against
/// the command's descriptor). A sub-command arrives as <c>"parent sub"</c>, e.g. <c>"card show"</c>.
/// </summary>
public sealed record CommandInput(string Name, IReadOnlyDictionary<string, string> Options) : UserInput
{
    public CommandInput(string name)
        : this(name, new Dictionary<string, string>())
    {
    }
}

/// <summary>A press of a button that a reply offered.</summary>
public sealed record ButtonInput(string CustomId) : UserInput;

/// <summary>A choice made in a select menu that a reply offered.</summary>
public sealed record SelectInput(string CustomId, IReadOnlyList<string> Values) : UserInput;

/// <summary>A submitted form (a Discord modal; sequential prompts in the terminal), fields by their ids.</summary>
public sealed record ModalInput(string CustomId, IReadOnlyDictionary<string, string> Fields) : UserInput;
