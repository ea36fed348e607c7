namespace PrepBot.Features.Stats;

/// <summary>
/// Streaks count consecutive study days with at least one grade. A paused day (<c>/me pause</c>) neither breaks a
/// streak nor adds to it, and today does not break it before it is over. A day counts as studied on the local day it
/// was recorded, even if the learner has moved time zone since.
/// </summary>
public static class StudyStreak
{
    public static (int Current, int Best) Compute(IEnumerable<DateOnly> studiedDays, IReadOnlyList<PausedDays> pauses, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(studiedDays);
        ArgumentNullException.ThrowIfNull(pauses);
        var studied = studiedDays.ToHashSet();
        if (studied.Count == 0)
        {
            return (0, 0);
        }

        var first = studied.Min();

        // A day recorded in a zone ahead of the learner's present one can be "tomorrow" here; it still counts.
        var last = studied.Max() > today ? studied.Max() : today;
        var paused = new HashSet<DateOnly>();
        foreach (var pause in pauses)
        {
            for (var day = pause.First < first ? first : pause.First; day <= pause.Last && day <= last; day = day.AddDays(1))
            {
                paused.Add(day);
            }
        }

        var run = 0;
        var best = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (studied.Contains(day))
            {
                run++;
                best = Math.Max(best, run);
            }
            else if (!paused.Contains(day) && day != today)
            {
                run = 0;
            }
        }

        return (run, best);
    }
}
