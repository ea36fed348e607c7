namespace PrepBot.Learning;

/// <summary>The four buttons a learner grades a card with.</summary>
public enum ReviewGrade
{
    /// <summary>Forgot it: SM-2 grade 1 (a lapse; the card restarts at one day).</summary>
    Again,

    /// <summary>Remembered with serious difficulty: SM-2 grade 3 (passes, E-Factor drops 0.14).</summary>
    Hard,

    /// <summary>Remembered after some hesitation: SM-2 grade 4 (E-Factor unchanged).</summary>
    Good,

    /// <summary>Perfect recall: SM-2 grade 5 (E-Factor rises 0.1).</summary>
    Easy,
}

public static class ReviewGradeExtensions
{
    public static int ToQuality(this ReviewGrade grade) => grade switch
    {
        ReviewGrade.Again => 1,
        ReviewGrade.Hard => 3,
        ReviewGrade.Good => 4,
        ReviewGrade.Easy => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade."),
    };
}
