namespace PrepBot.Learning.Fsrs;

/// <summary>The four FSRS grades, numbered as FSRS (and Anki) number them: the formulas use the number.</summary>
public enum FsrsRating
{
    /// <summary>Forgot: a lapse.</summary>
    Again = 1,

    /// <summary>Recalled with serious difficulty.</summary>
    Hard = 2,

    /// <summary>Recalled after some hesitation.</summary>
    Good = 3,

    /// <summary>Recalled easily.</summary>
    Easy = 4,
}

/// <summary>
/// How PrepBot's grades become FSRS ratings. SM-2 qualities 0–5 map as: 0, 1, 2 (failed, q &lt; 3) → Again;
/// 3 (passed with serious difficulty) → Hard; 4 (after hesitation) → Good; 5 (perfect) → Easy.
/// PrepBot's four buttons record qualities 1, 3, 4 and 5 (see <see cref="ReviewGradeExtensions.ToQuality"/>),
/// so each button maps to the FSRS rating of the same name.
/// </summary>
public static class FsrsRatings
{
    public static FsrsRating FromSm2Quality(int quality) => quality switch
    {
        < 0 or > 5 => throw new ArgumentOutOfRangeException(nameof(quality), quality, $"An SM-2 quality is 0 to 5; got {quality}."),
        < Sm2.PassingQuality => FsrsRating.Again,
        3 => FsrsRating.Hard,
        4 => FsrsRating.Good,
        _ => FsrsRating.Easy,
    };

    public static FsrsRating FromGrade(ReviewGrade grade) => FromSm2Quality(grade.ToQuality());
}
