using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Interview;

/// <summary>Reveal cards of week 1 for the countdown's tests, named <c>card-1</c>…, in the topics asked for.</summary>
internal static class InterviewCards
{
    public static void Write(TempContentFolder content, int count, params string[] topics)
    {
        for (var i = 1; i <= count; i++)
        {
            var topic = topics.Length == 0 ? "data-landscape" : topics[(i - 1) % topics.Length];
            content.Write(
                $"concept/card-{i}.md",
                FlowCards.Reveal
                    .Replace("id: concept-idempotency", $"id: card-{i}", StringComparison.Ordinal)
                    .Replace("topic: data-landscape", $"topic: {topic}", StringComparison.Ordinal)
                    .Replace("What makes a daily load idempotent?", $"Question {i}: what makes a daily load idempotent?", StringComparison.Ordinal));
        }
    }
}
