using PrepBot.Data;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Features.Stats;

/// <summary>A learner's numbers at one moment, on their study calendar.</summary>
public sealed record LearnerStats(
    int DueNow,
    int DueToday,
    int DueThisWeek,
    int ReviewsToday,
    int ReviewsLast7Days,
    int ReviewsLast30Days,
    double? RetentionLast30Days,
    int CurrentStreak,
    int BestStreak,
    int CardsSeen)
{
    private const int HistoryDays = 400;

    /// <summary>Streaks count study days (04:00 to 04:00 local) with at least one grade; a streak is alive until a whole day is missed.</summary>
    public static (int Current, int Best) Streaks(IEnumerable<DateOnly> studyDays, DateOnly today)
    {
        var days = studyDays.ToHashSet();
        var best = 0;
        foreach (var day in days)
        {
            if (days.Contains(day.AddDays(-1)))
            {
                continue;
            }

            var length = 1;
            while (days.Contains(day.AddDays(length)))
            {
                length++;
            }

            best = Math.Max(best, length);
        }

        var end = days.Contains(today) ? today : today.AddDays(-1);
        var current = 0;
        while (days.Contains(end.AddDays(-current)))
        {
            current++;
        }

        return (current, best);
    }

    public static async Task<LearnerStats> ComputeAsync(ReviewStore reviews, CardPicker picker, LearnerContext learner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = learner.Zone;
        var today = StudyCalendar.StudyDay(now, zone);
        // One read of the week ahead, counted at three horizons.
        var endOfToday = StudyCalendar.StartOf(today.AddDays(1), zone);
        var endOfWeek = StudyCalendar.StartOf(today.AddDays(7), zone);
        var dueTimes = await picker.DueTimesAsync(learner.Id, endOfWeek.AddTicks(-1), cancellationToken).ConfigureAwait(false);
        var dueNow = dueTimes.Count(due => due <= now);
        var dueToday = dueTimes.Count(due => due < endOfToday);
        var dueWeek = dueTimes.Count;
        var seen = (await reviews.GetSeenCardIdsAsync(learner.Id, cancellationToken).ConfigureAwait(false)).Count;

        var moments = await reviews.GetReviewMomentsAsync(learner.Id, StudyCalendar.StartOf(today.AddDays(-HistoryDays), zone), cancellationToken).ConfigureAwait(false);
        var days = moments.Select(m => StudyCalendar.StudyDay(m.AnsweredAt, zone)).ToList();
        var (current, best) = Streaks(days, today);
        var last30 = moments.Where((m, i) => days[i].DayNumber > today.DayNumber - 30).ToList();
        var graded = last30.Where(m => m.Kind != ReviewKind.Redrill).ToList();

        return new LearnerStats(
            DueNow: dueNow,
            DueToday: dueToday,
            DueThisWeek: dueWeek,
            ReviewsToday: days.Count(d => d == today),
            ReviewsLast7Days: days.Count(d => d.DayNumber > today.DayNumber - 7),
            ReviewsLast30Days: last30.Count,
            RetentionLast30Days: graded.Count == 0 ? null : graded.Count(m => m.Quality >= Sm2.PassingQuality) / (double)graded.Count,
            CurrentStreak: current,
            BestStreak: best,
            CardsSeen: seen);
    }
}
