using PrepBot.Content;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Plan;

/// <summary>Where a learner is in the plan today.</summary>
/// <param name="Start">The study day week 1 begins.</param>
/// <param name="FollowsEnrolment">The learner never set a start, so <paramref name="Start"/> is the day they enrolled.</param>
/// <param name="Today">Today's study day in the learner's zone.</param>
/// <param name="Week">This week of the plan, 1–16: week 1 before the start, week 16 after the plan ends.</param>
public sealed record PlanPosition(DateOnly Start, bool FollowsEnrolment, DateOnly Today, int Week)
{
    /// <summary>Days from today to the start; positive while the plan has not begun.</summary>
    public int DaysUntilStart => Start.DayNumber - Today.DayNumber;

    public bool NotStarted => DaysUntilStart > 0;

    /// <summary>All 16 weeks are behind the learner; they stay on week 16.</summary>
    public bool Finished => Today.DayNumber - Start.DayNumber >= StudyPlan.WeekCount * 7;

    /// <summary>The first study day of <paramref name="week"/>.</summary>
    public DateOnly StartOf(int week) => Start.AddDays((week - 1) * 7);
}

/// <summary>
/// Counts plan weeks on the learner's study calendar (days run 04:00 to 04:00 in their zone, see
/// <see cref="StudyCalendar"/>): week 1 is the seven study days from the start, and so on up to week 16.
/// </summary>
public static class PlanCalendar
{
    public static PlanPosition Locate(Learner learner, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return Locate(learner.PlanStart, learner.CreatedAt, zone, now);
    }

    /// <param name="planStart">The start the learner chose, or null to follow <paramref name="enrolledAt"/>.</param>
    /// <param name="enrolledAt">When the learner enrolled.</param>
    /// <param name="zone">The learner's time zone.</param>
    /// <param name="now">The current instant.</param>
    public static PlanPosition Locate(DateOnly? planStart, DateTimeOffset enrolledAt, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = StudyCalendar.StudyDay(now, zone);
        var start = planStart ?? StudyCalendar.StudyDay(enrolledAt, zone);
        return new PlanPosition(start, planStart is null, today, WeekOn(start, today));
    }

    /// <summary>The plan week <paramref name="day"/> falls in, clamped to 1–16.</summary>
    public static int WeekOn(DateOnly start, DateOnly day)
    {
        var days = day.DayNumber - start.DayNumber;
        return days < 0 ? 1 : Math.Min(days / 7 + 1, StudyPlan.WeekCount);
    }
}
