using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Stats;

/// <summary>One study day's grades.</summary>
/// <param name="Reviews">Every grade, same-day re-drills included.</param>
/// <param name="Scored">Grades that count for retention: new cards and scheduled reviews.</param>
/// <param name="Correct">Of <paramref name="Scored"/>, those of 3 (Hard) or better.</param>
public readonly record struct DayActivity(int Reviews, int Scored, int Correct)
{
    public DayActivity Add(DayActivity other) => new(Reviews + other.Reviews, Scored + other.Scored, Correct + other.Correct);
}

/// <summary>A stretch of paused days, both ends included (local days).</summary>
public readonly record struct PausedDays(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

/// <summary>What a learner did on each study day they studied, and when they were away.</summary>
public sealed record LearnerHistory(IReadOnlyDictionary<DateOnly, DayActivity> Days, IReadOnlyList<PausedDays> Pauses)
{
    public static LearnerHistory Empty { get; } = new(new Dictionary<DateOnly, DayActivity>(), []);

    public DayActivity On(DateOnly day) => Days.GetValueOrDefault(day);

    public bool IsPaused(DateOnly day) => Pauses.Any(p => p.Contains(day));

    /// <summary>The grades of the <paramref name="days"/> study days ending with <paramref name="today"/>.</summary>
    public DayActivity Over(DateOnly today, int days)
    {
        var total = default(DayActivity);
        foreach (var (day, activity) in Days)
        {
            if (day <= today && day.DayNumber > today.DayNumber - days)
            {
                total = total.Add(activity);
            }
        }

        return total;
    }
}

/// <summary>
/// Reads a learner's study days (table <c>StudyDays</c>, written with every grade) and pauses (<c>LearnerPauses</c>).
/// Grades logged before <c>StudyDays</c> existed have no row there: their days are worked out from the review log in the
/// learner's current zone, the best that is left to go on, for the days before their first recorded day.
/// </summary>
public sealed class StudyHistory(StudyDayStore studyDays, ReviewStore reviews, PauseStore pauses)
{
    /// <summary>How far back grades without a recorded day are read from the review log.</summary>
    public const int LegacyLookbackDays = 400;

    public async Task<LearnerHistory> ReadAsync(long learnerId, TimeZoneInfo zone, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var recorded = await studyDays.GetDaysAsync(learnerId, cancellationToken).ConfigureAwait(false);
        var days = recorded.ToDictionary(d => d.Day, d => new DayActivity(d.Reviews, d.Scored, d.Correct));

        var since = StudyCalendar.StartOf(today.AddDays(-LegacyLookbackDays), zone);
        var until = days.Count == 0 ? DateTimeOffset.MaxValue : StudyCalendar.StartOf(days.Keys.Min(), zone);
        if (since < until)
        {
            var legacy = await reviews.GetReviewMomentsAsync(learnerId, since, until, cancellationToken).ConfigureAwait(false);
            var derived = new Dictionary<DateOnly, DayActivity>();
            foreach (var grade in legacy)
            {
                var day = StudyCalendar.StudyDay(grade.AnsweredAt, zone);
                var scored = grade.Kind != ReviewKind.Redrill;
                derived[day] = derived.GetValueOrDefault(day).Add(new DayActivity(1, scored ? 1 : 0, scored && grade.Quality >= Sm2.PassingQuality ? 1 : 0));
            }

            foreach (var (day, activity) in derived)
            {
                days.TryAdd(day, activity);
            }
        }

        var paused = await pauses.GetAllAsync(learnerId, cancellationToken).ConfigureAwait(false);
        return new LearnerHistory(days, [.. paused.Select(p => new PausedDays(p.FirstDay, p.LastDay))]);
    }
}
