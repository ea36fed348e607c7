using System.Text.Json;

namespace PrepBot.Discord.Models;

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Discord's own names for option types.")]
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>Where a command may be used (<c>contexts</c>).</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>
/// An application command, as registered with a bulk overwrite and as Discord returns it. Name 1–32 lowercase
/// (<c>^[-_'\p{L}\p{N}]{1,32}$</c>), description 1–100, up to 25 options, 8000 characters in all.
/// </summary>
public sealed class ApplicationCommand
{
    /// <summary>Set by Discord; leave empty when registering.</summary>
    public Snowflake? Id { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public Snowflake? ApplicationId { get; init; }

    public Snowflake? GuildId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary><see cref="DiscordPermissions.None"/> (JSON "0") means administrators only; e.g. ManageGuild for admin commands.</summary>
    public DiscordPermissions? DefaultMemberPermissions { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    public bool? Nsfw { get; init; }

    /// <summary>Set by Discord.</summary>
    public Snowflake? Version { get; init; }
}

public sealed class ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Required options come before optional ones.</summary>
    public bool? Required { get; init; }

    /// <summary>Up to 25; not together with <see cref="Autocomplete"/>.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>Subcommands and groups: their options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Autocomplete { get; init; }
}

/// <summary>A fixed choice (or an autocomplete suggestion): name 1–100, value a string (≤ 100), integer or number.</summary>
public sealed class ApplicationCommandOptionChoice
{
    public required string Name { get; init; }

    /// <summary>A string, integer or double when built here; a <see cref="JsonElement"/> when read from Discord.</summary>
    public required object Value { get; init; }
}
