namespace PrepBot.Conversation;

/// <summary>Buttons that run a command, e.g. "Another question" runs <c>/quiz</c>: custom id <c>cmd:&lt;name&gt;</c>.</summary>
public static class CommandButtons
{
    public const string Prefix = "cmd:";
    public const string Quiz = Prefix + "quiz";
    public const string Review = Prefix + "review";
}
