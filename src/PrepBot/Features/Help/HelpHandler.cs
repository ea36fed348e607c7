using System.Text;
using PrepBot.Conversation;

namespace PrepBot.Features.Help;

/// <summary><c>/help</c>: what PrepBot can do and how grading works.</summary>
public sealed class HelpHandler
{
    private readonly Reply _reply = Build();

    public IReadOnlyList<Reply> Handle() => [_reply];

    private static Reply Build()
    {
        var text = new StringBuilder("**PrepBot** — interview practice for data engineers, with spaced repetition.\n\n");
        foreach (var command in CommandCatalog.All)
        {
            text.Append("- `/").Append(command.Name).Append("` — ").Append(command.Description).Append('\n');
        }

        text.Append("\nGrade yourself honestly: **Again** (forgot), **Hard** (remembered with effort), **Good**, **Easy**. ");
        text.Append("Cards you grade below Good come back in the same session until you know them; ");
        text.Append("the rest return just before you would forget them (SM-2).");
        return Reply.Text(text.ToString());
    }
}
