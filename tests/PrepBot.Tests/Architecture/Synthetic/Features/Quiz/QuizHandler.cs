namespace PrepBot.Tests.Architecture.Synthetic.Features.Quiz;

internal static class QuizHandler
{
    public static int Answer() => 42;
}
