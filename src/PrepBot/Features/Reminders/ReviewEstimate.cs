using PrepBot.Content;

namespace PrepBot.Features.Reminders;

/// <summary>
/// How long a review session takes, for the reminder's "about N minutes": a typical answer time per kind of card
/// (a concept card is recalled and graded in half a minute; a SQL query is written and run; a design or behavioural
/// answer is thought through).
/// </summary>
public static class ReviewEstimate
{
    public static int SecondsFor(CardKind kind) => kind switch
    {
        CardKind.Concept => 30,
        CardKind.Sql => 120,
        CardKind.Design => 180,
        CardKind.Behavioral => 150,
        _ => 60,
    };

    /// <summary>Whole minutes, rounded up, at least one.</summary>
    public static int Minutes(int totalSeconds) => Math.Max(1, (totalSeconds + 59) / 60);
}
