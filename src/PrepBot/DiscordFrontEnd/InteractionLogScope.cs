using System.Collections;
using System.Globalization;
using PrepBot.Discord;
using PrepBot.Discord.Models;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// The logging scope of one interaction: its command (<c>quiz</c>, <c>me export</c>, <c>button study</c>) and a
/// correlation id (the interaction's snowflake, which Discord's own records and the follow-ups share). Every log line
/// written while the interaction is handled carries both (with <c>IncludeScopes</c>, as the JSON console formatter
/// shows them); never the interaction token, a custom id's payload or anything the learner typed.
/// </summary>
internal sealed class InteractionLogScope(string command, Snowflake correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Command => command;

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Command", command),
        1 => new("CorrelationId", correlationId.ToString()),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Command:{command} CorrelationId:{correlationId}");

    /// <summary>
    /// The command an interaction runs, as a metric tag and log field: the slash command path, or the kind of component
    /// and its custom-id prefix (the part before the first <c>:</c>, which names the feature, not the learner).
    /// </summary>
    public static string CommandOf(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var data = interaction.Data;
        return interaction.Type switch
        {
            InteractionType.Ping => "ping",
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete when data is not null =>
                (interaction.Type == InteractionType.ApplicationCommandAutocomplete ? "autocomplete " : string.Empty)
                + string.Join(' ', [data.Name ?? string.Empty, .. data.GetSubcommandAndOptions().Subcommands]),
            InteractionType.MessageComponent when data?.ComponentType == ComponentType.Button => "button " + Prefix(data.CustomId),
            InteractionType.MessageComponent => "select " + Prefix(data?.CustomId),
            InteractionType.ModalSubmit => "modal " + Prefix(data?.CustomId),
            _ => "other",
        };
    }

    private static string Prefix(string? customId)
    {
        var colon = customId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var prefix = colon > 0 ? customId![..colon] : customId ?? string.Empty;
        return prefix.Length is > 0 and <= 16 && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? prefix : "other";
    }
}
