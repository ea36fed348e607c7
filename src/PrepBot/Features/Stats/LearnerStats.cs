using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Plan;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Features.Stats;

/// <summary>Grades over a stretch of study days; retention is the share of scored grades of 3 (Hard) or better.</summary>
public sealed record PeriodStats(int Days, int Reviews, int Scored, int Correct)
{
    public double? Retention => Scored == 0 ? null : Correct / (double)Scored;
}

/// <summary>A learner's numbers at one moment, on their study calendar.</summary>
/// <param name="DueNow">Cards due at this moment.</param>
/// <param name="DueByDay">Cards falling due on each of the next 7 study days, today first (overdue cards count today).</param>
/// <param name="ReviewsToday">Grades given today.</param>
/// <param name="Last7Days">Grades of the last 7 study days, today included.</param>
/// <param name="Last30Days">Grades of the last 30 study days, today included.</param>
/// <param name="CurrentStreak">Consecutive study days with a grade up to today (see <see cref="StudyStreak"/>).</param>
/// <param name="BestStreak">The longest streak on record.</param>
/// <param name="PausedToday">Today is in a pause (<c>/me pause</c>): the streak is frozen.</param>
/// <param name="CardsSeen">Cards graded at least once.</param>
/// <param name="WeakestTopics">Topics with the lowest retention over the last 30 days, weakest first (at most 3).</param>
/// <param name="Activity">Reviews per day over the last 12 weeks.</param>
public sealed record LearnerStats(
    int DueNow,
    IReadOnlyList<int> DueByDay,
    int ReviewsToday,
    PeriodStats Last7Days,
    PeriodStats Last30Days,
    int CurrentStreak,
    int BestStreak,
    bool PausedToday,
    int CardsSeen,
    IReadOnlyList<TopicProgress> WeakestTopics,
    ActivityGrid Activity)
{
    public const int ForecastDays = 7;

    /// <summary>A topic needs this many graded reviews in 30 days before it can be called weak.</summary>
    public const int MinReviewsForWeakTopic = 3;

    public const int WeakestTopicCount = 3;

    public int DueToday => DueByDay[0];

    public int DueThisWeek => DueByDay.Sum();
}

/// <summary>Reads <see cref="LearnerStats"/>: the due queue for the forecast, study days for streaks and retention, the review log per topic.</summary>
public sealed class LearnerStatsReader(ReviewStore reviews, CardPicker picker, StudyHistory history, TopicProgressReader topics, CardCatalog catalog)
{
    public async Task<LearnerStats> ReadAsync(LearnerContext learner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var zone = learner.Zone;
        var today = StudyCalendar.StudyDay(now, zone);

        // One read of the week ahead, counted per study day; anything already due counts today.
        var endOfForecast = StudyCalendar.StartOf(today.AddDays(LearnerStats.ForecastDays), zone);
        var dueTimes = await picker.DueTimesAsync(learner.Id, endOfForecast.AddTicks(-1), cancellationToken).ConfigureAwait(false);
        var dueByDay = new int[LearnerStats.ForecastDays];
        foreach (var due in dueTimes)
        {
            var offset = Math.Max(0, StudyCalendar.StudyDay(due, zone).DayNumber - today.DayNumber);
            dueByDay[Math.Min(offset, LearnerStats.ForecastDays - 1)]++;
        }

        var seen = await reviews.GetSeenCardIdsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var days = await history.ReadAsync(learner.Id, zone, today, cancellationToken).ConfigureAwait(false);
        var (current, best) = StudyStreak.Compute(days.Days.Keys, days.Pauses, today);
        var byTopic = await topics.ReadAsync(learner, seen, cancellationToken).ConfigureAwait(false);
        var weakest = catalog.TopicIds
            .Select(topic => byTopic.Progress(topic, Content.StudyPlan.WeekCount))
            .Where(p => p.Reviews >= LearnerStats.MinReviewsForWeakTopic && p.Passed < p.Reviews)
            .OrderBy(p => p.Retention)
            .ThenByDescending(p => p.Reviews)
            .ThenBy(p => p.Topic, StringComparer.Ordinal)
            .Take(LearnerStats.WeakestTopicCount)
            .ToList();

        return new LearnerStats(
            DueNow: dueTimes.Count(due => due <= now),
            DueByDay: dueByDay,
            ReviewsToday: days.On(today).Reviews,
            Last7Days: Period(days, today, 7),
            Last30Days: Period(days, today, 30),
            CurrentStreak: current,
            BestStreak: best,
            PausedToday: days.IsPaused(today),
            CardsSeen: seen.Count,
            WeakestTopics: weakest,
            Activity: new ActivityGrid(days, today));
    }

    private static PeriodStats Period(LearnerHistory history, DateOnly today, int days)
    {
        var total = history.Over(today, days);
        return new PeriodStats(days, total.Reviews, total.Scored, total.Correct);
    }
}
