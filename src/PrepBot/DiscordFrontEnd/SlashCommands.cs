using PrepBot.Conversation;
using PrepBot.Discord.Models;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// The bot's commands as Discord application commands: every <see cref="CommandDescriptor"/> of the
/// <see cref="CommandCatalog"/> becomes a slash command with typed options, choices and ranges. Admin commands carry
/// <c>default_member_permissions</c> = Manage Server (the router checks the permission again on receipt).
/// </summary>
public static class SlashCommands
{
    public static IReadOnlyList<ApplicationCommand> From(IReadOnlyList<CommandDescriptor> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Select(ToCommand)];
    }

    private static ApplicationCommand ToCommand(CommandDescriptor command) => new()
    {
        Type = ApplicationCommandType.ChatInput,
        Name = command.Name,
        Description = command.Description,
        Options = command.Subcommands.Count > 0
            ? [.. command.Subcommands.Select(ToSubcommand)]
            : ToOptions(command.Options),
        DefaultMemberPermissions = command.RequiresManageServer || command.Subcommands.Any(s => s.RequiresManageServer)
            ? DiscordPermissions.ManageGuild
            : null,
        Contexts = command.GuildOnly
            ? [InteractionContextType.Guild]
            : [InteractionContextType.Guild, InteractionContextType.BotDm, InteractionContextType.PrivateChannel],
    };

    private static ApplicationCommandOption ToSubcommand(CommandDescriptor sub) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = sub.Name,
        Description = sub.Description,
        Options = ToOptions(sub.Options),
    };

    private static IReadOnlyList<ApplicationCommandOption>? ToOptions(IReadOnlyList<CommandOption> options) =>
        options.Count == 0
            ? null
            : [.. options.OrderByDescending(o => o.IsRequired).Select(ToOption)];

    private static ApplicationCommandOption ToOption(CommandOption option)
    {
        var type = option.Type switch
        {
            CommandOptionType.WholeNumber => ApplicationCommandOptionType.Integer,
            CommandOptionType.Number => ApplicationCommandOptionType.Number,
            CommandOptionType.Boolean => ApplicationCommandOptionType.Boolean,
            CommandOptionType.User => ApplicationCommandOptionType.User,
            CommandOptionType.Channel => ApplicationCommandOptionType.Channel,
            _ => ApplicationCommandOptionType.String,
        };
        return new ApplicationCommandOption
        {
            Type = type,
            Name = option.Name,
            Description = option.Description,
            Required = option.IsRequired ? true : null,
            Choices = option.Choices.Count == 0
                ? null
                : [.. option.Choices.Select(c => new ApplicationCommandOptionChoice { Name = c.Name, Value = ChoiceValue(type, c.Value) })],
            MinValue = option.MinValue,
            MaxValue = option.MaxValue,
            MaxLength = type == ApplicationCommandOptionType.String ? option.MaxLength : null,
            Autocomplete = option.Autocomplete && option.Choices.Count == 0 ? true : null,
            ChannelTypes = type == ApplicationCommandOptionType.Channel && option.MessageChannelsOnly
                ? [ChannelType.GuildText, ChannelType.GuildAnnouncement]
                : null,
        };
    }

    private static object ChoiceValue(ApplicationCommandOptionType type, string value) =>
        type == ApplicationCommandOptionType.Integer && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : value;
}
