using System.Text.RegularExpressions;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Conversation;

/// <summary>The catalog is registered with Discord as slash commands, so it must keep to Discord's rules.</summary>
public sealed partial class CommandCatalogTests
{
    [GeneratedRegex(@"^[-_a-z0-9]{1,32}$")]
    private static partial Regex DiscordName();

    private static IEnumerable<CommandDescriptor> AllCommands() =>
        RegisteredCommands.All.Concat(RegisteredCommands.All.SelectMany(command => command.Subcommands));

    [Fact]
    public void Every_command_and_option_has_a_lowercase_name_of_at_most_32_and_a_description_of_at_most_100()
    {
        Assert.All(AllCommands(), command =>
        {
            Assert.Matches(DiscordName(), command.Name);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.All(command.Options, option =>
            {
                Assert.Matches(DiscordName(), option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
            });
        });
    }

    [Fact]
    public void A_command_has_either_options_or_sub_commands()
    {
        Assert.All(RegisteredCommands.All, command => Assert.False(command.Options.Count > 0 && command.Subcommands.Count > 0, command.Name));
    }

    [Fact]
    public void Admin_sub_commands_sit_under_an_admin_command()
    {
        Assert.All(RegisteredCommands.All.Where(command => command.Subcommands.Any(sub => sub.RequiresManageServer)),
            command => Assert.True(command.RequiresManageServer, command.Name));
    }
}
