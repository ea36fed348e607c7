using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Discord.Models;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// Turns a Discord interaction into what the features understand: who acted (platform <c>discord</c>, the user's
/// snowflake, their display name, the server and channel, whether they may manage the server) and what they did
/// (a command with its options, a button, a select, a submitted form).
/// </summary>
public static class InteractionTranslator
{
    public const string Platform = "discord";

    /// <returns><see langword="null"/> when the interaction carries nothing PrepBot acts on (no user, an unknown type).</returns>
    public static (LearnerIdentity Who, UserInput Input)? Translate(Interaction interaction, string defaultTimeZoneId)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Invoker is not { } user || interaction.Data is not { } data)
        {
            return null;
        }

        var who = Identity(interaction, user, defaultTimeZoneId);

        UserInput? input = interaction.Type switch
        {
            InteractionType.ApplicationCommand => Command(data),
            InteractionType.MessageComponent when data.ComponentType == ComponentType.Button && data.CustomId is { } id => new ButtonInput(id),
            InteractionType.MessageComponent when data.CustomId is { } id => new SelectInput(id, data.Values ?? []),
            InteractionType.ModalSubmit when data.CustomId is { } id => new ModalInput(id, data.GetTextInputs()),
            _ => null,
        };
        return input is null ? null : (who, input);
    }

    /// <summary>
    /// For an autocomplete interaction: who is typing, the command path (<c>"card show"</c>), the option being typed
    /// in and what is typed so far.
    /// </summary>
    public static (LearnerIdentity Who, string CommandPath, string Option, string Typed)? TranslateAutocomplete(Interaction interaction, string defaultTimeZoneId)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type != InteractionType.ApplicationCommandAutocomplete || interaction.Invoker is not { } user || interaction.Data is not { } data)
        {
            return null;
        }

        var (path, options) = data.GetSubcommandAndOptions();
        var focused = options.FirstOrDefault(o => o.Focused == true);
        if (focused is null)
        {
            return null;
        }

        return (Identity(interaction, user, defaultTimeZoneId), string.Join(' ', [data.Name ?? string.Empty, .. path]), focused.Name, focused.GetString() ?? string.Empty);
    }

    private static LearnerIdentity Identity(Interaction interaction, User user, string defaultTimeZoneId) =>
        new(Platform, user.Id.ToString(), DisplayName(interaction, user), defaultTimeZoneId)
        {
            GuildId = interaction.GuildId?.ToString(),
            ChannelId = interaction.SourceChannelId?.ToString(),
            CanManageServer = interaction.GuildId is not null && interaction.MemberHas(DiscordPermissions.ManageGuild),
        };

    private static CommandInput Command(InteractionData data)
    {
        var (path, options) = data.GetSubcommandAndOptions();
        var name = string.Join(' ', [data.Name ?? string.Empty, .. path]);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in options)
        {
            var value = option.Type switch
            {
                ApplicationCommandOptionType.Integer => option.GetInt64()?.ToString(CultureInfo.InvariantCulture),
                ApplicationCommandOptionType.Number => option.GetDouble()?.ToString(CultureInfo.InvariantCulture),
                ApplicationCommandOptionType.Boolean => option.GetBoolean() is { } flag ? (flag ? "True" : "False") : null,
                _ => option.GetString(),
            };
            if (value is not null)
            {
                values[option.Name] = value;
            }
        }

        return new CommandInput(name, values);
    }

    private static string DisplayName(Interaction interaction, User user) =>
        interaction.Member?.Nick is { Length: > 0 } nick ? nick
        : user.GlobalName is { Length: > 0 } global ? global
        : user.Username;
}
