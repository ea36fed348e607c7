using System.Text;
using PrepBot.Conversation;

namespace PrepBot.Features.Help;

/// <summary>
/// <c>/help</c>: what PrepBot can do — every command with its options — and how grading works. Admin commands are
/// listed only to those who may run them.
/// </summary>
public sealed class HelpHandler(CommandCatalog catalog)
{
    private readonly Reply _forMembers = Build(catalog, includeAdmin: false);
    private readonly Reply _forAdmins = Build(catalog, includeAdmin: true);

    public IReadOnlyList<Reply> Handle(bool canManageServer) => [canManageServer ? _forAdmins : _forMembers];

    private static Reply Build(CommandCatalog catalog, bool includeAdmin)
    {
        var text = new StringBuilder("**PrepBot** — interview practice for data engineers, with spaced repetition.\n\n");
        foreach (var command in catalog.All.Where(c => includeAdmin || !c.RequiresManageServer))
        {
            if (command.Subcommands.Count == 0)
            {
                Line(text, command.Name, command);
            }

            foreach (var sub in command.Subcommands.Where(s => includeAdmin || !s.RequiresManageServer))
            {
                Line(text, command.Name + " " + sub.Name, sub);
            }
        }

        text.Append("\nGrade yourself honestly: **Again** (forgot), **Hard** (remembered with effort), **Good**, **Easy**. ");
        text.Append("Cards you grade below Good come back in the same session until you know them; ");
        text.Append("the rest return just before you would forget them (SM-2).");
        return Reply.Text(text.ToString());
    }

    private static void Line(StringBuilder text, string path, CommandDescriptor command)
    {
        text.Append("- `/").Append(path);
        foreach (var option in command.Options)
        {
            text.Append(' ').Append(option.IsRequired ? string.Empty : "[").Append(option.Name).Append(":…").Append(option.IsRequired ? string.Empty : "]");
        }

        text.Append("` — ").Append(command.Description).Append('\n');
    }
}
