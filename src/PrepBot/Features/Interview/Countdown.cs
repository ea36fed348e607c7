using PrepBot.Learning;

namespace PrepBot.Features.Interview;

/// <summary>
/// A learner's interview seen from <see cref="Today"/> (their study day): how many days are left, and the moment recall is
/// predicted for (noon, their time, on the day).
/// </summary>
public sealed record Countdown(InterviewDate Interview, DateOnly Today, TimeZoneInfo Zone)
{
    /// <summary>The last days before the interview in which reviews favour the cards weakest on the day (<see cref="InterviewCountdown"/>).</summary>
    public const int FinalStretchDays = 14;

    /// <summary>Days from today to the interview: 0 on the day.</summary>
    public int DaysLeft => Interview.DaysLeft(Today);

    /// <summary>Within <see cref="FinalStretchDays"/> days of the interview, or on the day.</summary>
    public bool InFinalStretch => DaysLeft is >= 0 and <= FinalStretchDays;

    /// <summary>Noon, the learner's time, on the interview day: what "recall on the day" predicts for.</summary>
    public DateTimeOffset InterviewAt => StudyCalendar.StartOf(Interview.Date, Zone).AddHours(12 - StudyCalendar.DayStartsAt.TotalHours);

    /// <summary>
    /// The latest moment a review can be given the day before the interview: the same time of day (24 hours before
    /// <see cref="InterviewAt"/>), or <paramref name="now"/> once that has passed.
    /// </summary>
    public DateTimeOffset LastReviewAt(DateTimeOffset now)
    {
        var dayBefore = InterviewAt.AddDays(-1);
        return dayBefore > now ? dayBefore : now;
    }

    /// <summary>The countdown to <paramref name="interview"/> at <paramref name="now"/>; null when there is none or its day has passed.</summary>
    public static Countdown? Of(InterviewDate? interview, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (interview is null)
        {
            return null;
        }

        var countdown = new Countdown(interview, StudyCalendar.StudyDay(now, zone), zone);
        return countdown.DaysLeft >= 0 ? countdown : null;
    }
}
