using PrepBot.Features.Help;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Help;

public sealed class HelpHandlerTests
{
    private readonly HelpHandler _help = new(RegisteredCommands.Catalog);

    [Fact]
    public void Help_lists_each_command_with_its_options()
    {
        var text = Assert.Single(_help.Handle(canManageServer: false)).Markdown;

        Assert.Contains("- `/quiz [week:…] [topic:…]` — ", text, StringComparison.Ordinal);
        Assert.Contains("- `/plan [week:…] [start:…]` — ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_commands_are_listed_only_to_those_who_may_run_them()
    {
        var member = Assert.Single(_help.Handle(canManageServer: false)).Markdown;
        var admin = Assert.Single(_help.Handle(canManageServer: true)).Markdown;

        Assert.DoesNotContain("/card ", member, StringComparison.Ordinal);
        Assert.Contains("- `/card show id:…` — ", admin, StringComparison.Ordinal);
    }
}
