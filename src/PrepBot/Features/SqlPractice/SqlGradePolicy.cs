using PrepBot.Learning;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// The SM-2 grade a SQL answer earns: accepted on the first try without the hint → Good, or Easy when it was
/// also fast (submitted within <see cref="SqlPracticeOptions.FastAnswerSeconds"/> of first opening the query form);
/// accepted after an earlier try (rejected, refused or an SQLite error) or with the hint → Hard; gave up → Again.
/// </summary>
public static class SqlGradePolicy
{
    /// <param name="earlierTries">Queries submitted for this card state before the accepted one.</param>
    /// <param name="hintUsed">Whether the learner opened the hint.</param>
    /// <param name="sinceFirstOpened">Time from first opening the query form to this submission, when known.</param>
    /// <param name="fastWithin">What counts as fast.</param>
    public static ReviewGrade ForAccepted(int earlierTries, bool hintUsed, TimeSpan? sinceFirstOpened, TimeSpan fastWithin)
    {
        if (earlierTries > 0 || hintUsed)
        {
            return ReviewGrade.Hard;
        }

        return sinceFirstOpened is { } elapsed && elapsed <= fastWithin ? ReviewGrade.Easy : ReviewGrade.Good;
    }

    public static ReviewGrade ForGivingUp() => ReviewGrade.Again;

    /// <summary>Why an accepted answer got its grade, in a few words for the learner (the grade itself is said when it is recorded).</summary>
    public static string Reason(ReviewGrade grade, int earlierTries, bool hintUsed) => grade switch
    {
        ReviewGrade.Easy => "First try, no hint, and quick.",
        ReviewGrade.Good => "First try, no hint.",
        _ when earlierTries > 0 && hintUsed => $"After {Tries(earlierTries)} and the hint.",
        _ when earlierTries > 0 => $"After {Tries(earlierTries)}.",
        _ => "With the hint.",
    };

    private static string Tries(int count) => count == 1 ? "1 earlier try" : $"{count} earlier tries";
}
