using PrepBot.Conversation;

namespace PrepBot.Features.Memory;

/// <summary><c>/me scheduler</c>, <c>/me retention</c> and <c>/me optimize</c>: sub-commands of <c>/me</c>.</summary>
public static class MemoryCommands
{
    public const string UseOption = "use";
    public const string ValueOption = "value";

    public static CommandDescriptor Scheduler { get; } = new("scheduler", "Which algorithm dates your reviews: sm2 (default) or fsrs. Without a value, says which.")
    {
        Options =
        [
            new CommandOption(UseOption, "sm2: SM-2, the default; fsrs: FSRS-6 at your target retention.", CommandOptionType.Text)
            {
                Choices = [new CommandChoice("sm2", "sm2"), new CommandChoice("fsrs", "fsrs")],
            },
        ],
    };

    public static CommandDescriptor Retention { get; } = new("retention", "FSRS: the chance of recall a review is timed at, 0.70 to 0.97 (default 0.90).")
    {
        Options =
        [
            new CommandOption(ValueOption, "0.70 to 0.97 (e.g. 0.85); higher means more reviews.", CommandOptionType.Number) { MinValue = 0, MaxValue = 100 },
        ],
    };

    public static CommandDescriptor Optimize { get; } = new("optimize", "Fit FSRS to your own review history (needs 400 reviews).");
}
