using System.Globalization;
using System.Text.Json;

namespace PrepBot.Discord.Models;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>
/// An interaction (INTERACTION_CREATE): a slash command, a button or select, an autocomplete request or a modal
/// submit. Answer it within 3 seconds with <c>DiscordRestClient.CreateInteractionResponseAsync</c>.
/// </summary>
public sealed class Interaction
{
    public Snowflake Id { get; init; }

    public Snowflake ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    public Snowflake? GuildId { get; init; }

    public Channel? Channel { get; init; }

    public Snowflake? ChannelId { get; init; }

    /// <summary>Set in guilds (with the member's channel permissions); <see cref="User"/> is set in DMs instead.</summary>
    public GuildMember? Member { get; init; }

    public User? User { get; init; }

    /// <summary>A secret valid for 15 minutes; never log it.</summary>
    public string Token { get; init; } = string.Empty;

    public int Version { get; init; }

    /// <summary>For components: the message they are on.</summary>
    public Message? Message { get; init; }

    public DiscordPermissions? AppPermissions { get; init; }

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    /// <summary>0 guild, 1 bot DM, 2 private channel.</summary>
    public int? Context { get; init; }

    /// <summary>Who acted: the member's user in guilds, the user in DMs.</summary>
    public User? Invoker => Member?.User ?? User;

    /// <summary>The channel the interaction came from.</summary>
    public Snowflake? SourceChannelId => ChannelId ?? Channel?.Id;

    /// <summary>Whether the invoking member holds <paramref name="permission"/> (Administrator counts as all). False in DMs.</summary>
    public bool MemberHas(DiscordPermissions permission)
    {
        var granted = Member?.Permissions ?? DiscordPermissions.None;
        return granted.HasFlag(DiscordPermissions.Administrator) || granted.HasFlag(permission);
    }
}

/// <summary>
/// The <c>data</c> of an interaction. Which fields are set depends on the interaction type: commands set
/// <see cref="Name"/>/<see cref="Options"/>, components set <see cref="CustomId"/>/<see cref="ComponentType"/>/<see cref="Values"/>,
/// modal submits set <see cref="CustomId"/>/<see cref="Components"/> (read them with <see cref="GetTextInputs"/>).
/// </summary>
public sealed class InteractionData
{
    public Snowflake? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Command type: 1 chat input (slash), 2 user, 3 message.</summary>
    public int? Type { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>Users, members, roles, channels referred to by options, as Discord sent them.</summary>
    public JsonElement? Resolved { get; init; }

    public Snowflake? GuildId { get; init; }

    public Snowflake? TargetId { get; init; }

    public string? CustomId { get; init; }

    public ComponentType? ComponentType { get; init; }

    /// <summary>Selects: the chosen option values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Modal submits: the top-level components (Labels, or Action Rows in older payloads).</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>
    /// Modal submits: <c>custom_id</c> → value of every text input, found inside Labels (type 18, current payloads)
    /// or Action Rows (type 1, older payloads).
    /// </summary>
    public IReadOnlyDictionary<string, string> GetTextInputs()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(Components, values);
        return values;

        static void Collect(IEnumerable<Component?>? components, Dictionary<string, string> values)
        {
            foreach (var component in components ?? [])
            {
                if (component is null)
                {
                    continue;
                }

                if (component.Type == Models.ComponentType.TextInput && component.CustomId is { } id)
                {
                    values[id] = component.Value ?? string.Empty;
                }

                Collect([component.Child], values);
                Collect(component.Components, values);
            }
        }
    }

    /// <summary>
    /// Commands: the subcommand path (e.g. <c>["admin", "reload"]</c> for <c>/prep admin reload</c>) and the options
    /// of the innermost subcommand (or of the command itself).
    /// </summary>
    public (IReadOnlyList<string> Subcommands, IReadOnlyList<InteractionDataOption> Options) GetSubcommandAndOptions()
    {
        var path = new List<string>();
        var options = Options ?? [];
        while (options.Count == 1 && options[0].Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup)
        {
            path.Add(options[0].Name);
            options = options[0].Options ?? [];
        }

        return (path, options);
    }
}

/// <summary>An option the user filled in, or a subcommand (group) holding <see cref="Options"/>.</summary>
public sealed class InteractionDataOption
{
    public required string Name { get; init; }

    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>A string, integer, number or boolean; for user/channel/role options, a snowflake string.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>Autocomplete: the option the user is typing in.</summary>
    public bool? Focused { get; init; }

    public string? GetString() => Value is { } value
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    public long? GetInt64() => Value is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : null;

    public double? GetDouble() => Value is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    public bool? GetBoolean() => Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public Snowflake? GetSnowflake() => Snowflake.TryParse(GetString(), out var id) ? id : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}={GetString()}");
}
