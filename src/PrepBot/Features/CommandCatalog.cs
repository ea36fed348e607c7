using PrepBot.Conversation;

namespace PrepBot.Features;

/// <summary>Every command learners can run; the Discord transport registers these as slash commands.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandDescriptor> All { get; } =
    [
        new("quiz", "A question now: a due review, or a card you have not seen yet."),
        new("review", "Work through the cards due for review."),
        new("stats", "What is due, reviews done, retention and your streak."),
        new("help", "What PrepBot can do."),
    ];
}
