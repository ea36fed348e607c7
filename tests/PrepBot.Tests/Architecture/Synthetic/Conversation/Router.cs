using PrepBot.Tests.Architecture.Synthetic.Features.Quiz;

namespace PrepBot.Tests.Architecture.Synthetic.Conversation;

/// <summary>Names a feature only inside a method body, where signatures alone would miss it: a violation to be found.</summary>
internal static class Router
{
    public static int Route() => QuizHandler.Answer();
}
