using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.DiscordFrontEnd;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

public sealed class SlashCommandsTests
{
    [Fact]
    public void Every_catalog_command_is_a_valid_discord_command()
    {
        var commands = SlashCommands.From(RegisteredCommands.All);

        DiscordLimits.Validate(commands);
        Assert.Equal(RegisteredCommands.All.Select(c => c.Name), commands.Select(c => c.Name));
    }

    [Fact]
    public void Daily_question_channel_can_only_be_a_text_or_announcement_channel()
    {
        var setup = SlashCommands.From(RegisteredCommands.All).Single(c => c.Name == "setup");
        var channel = setup.Options!.Single(o => o.Name == "daily").Options!.Single(o => o.Name == "channel");

        Assert.Equal(ApplicationCommandOptionType.Channel, channel.Type);
        Assert.Equal([ChannelType.GuildText, ChannelType.GuildAnnouncement], channel.ChannelTypes);
    }

    [Fact]
    public void Admin_commands_require_manage_server_and_options_keep_their_types_and_ranges()
    {
        IReadOnlyList<CommandDescriptor> catalog =
        [
            new("card", "Cards.")
            {
                RequiresManageServer = true,
                Subcommands =
                [
                    new("show", "Preview a card.")
                    {
                        Options =
                        [
                            new CommandOption("week", "A week.", CommandOptionType.WholeNumber) { MinValue = 1, MaxValue = 16 },
                            new CommandOption("id", "The id.", CommandOptionType.Text, IsRequired: true),
                        ],
                    },
                ],
            },
        ];

        var command = Assert.Single(SlashCommands.From(catalog));

        Assert.Equal(DiscordPermissions.ManageGuild, command.DefaultMemberPermissions);
        var sub = Assert.Single(command.Options!);
        Assert.Equal(ApplicationCommandOptionType.SubCommand, sub.Type);
        Assert.Equal("id", sub.Options![0].Name);
        Assert.True(sub.Options[0].Required);
        Assert.Equal(ApplicationCommandOptionType.Integer, sub.Options[1].Type);
        Assert.Equal(16, sub.Options[1].MaxValue);
        DiscordLimits.Validate([command]);
    }
}
