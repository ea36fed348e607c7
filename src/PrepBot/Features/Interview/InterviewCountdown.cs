using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Interview;

/// <summary>
/// What a learner's interview date changes: the countdown itself, today's paced new cards (<see cref="NewCardPace"/>), and
/// the predicted recall on the day (<see cref="RecallForecast"/>) that <c>/stats</c>, <c>/plan</c> and the review order of
/// the last <see cref="Countdown.FinalStretchDays"/> days use.
/// </summary>
public sealed partial class InterviewCountdown(InterviewStore store, CardCatalog catalog, ReviewStore reviews, TimeProvider time)
{
    /// <summary>The learner's countdown now; null when they set no interview or its day has passed.</summary>
    public async Task<Countdown?> GetAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var interview = await store.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return Countdown.Of(interview, learner.Zone, time.GetUtcNow());
    }

    /// <summary>
    /// Today's new-card pace toward the interview, given the new cards already seen today and the learner's own cap; null
    /// on the interview day (nothing left to pace).
    /// </summary>
    public async Task<NewCardPace?> PaceAsync(LearnerContext learner, Countdown countdown, int newSeenToday, int? cap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(countdown);
        if (countdown.DaysLeft < 1)
        {
            return null;
        }

        var unseen = await CountUnseenAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return new NewCardPace(countdown.DaysLeft, unseen + newSeenToday, cap) { SeenToday = newSeenToday };
    }

    /// <summary>New cards the learner has seen since their study day began (04:00 their time).</summary>
    public async Task<int> CountNewSeenTodayAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var dayStart = StudyCalendar.StartOf(StudyCalendar.StudyDay(time.GetUtcNow(), learner.Zone), learner.Zone);
        var counts = await reviews.CountGradesSinceAsync(learner.Id, dayStart, cancellationToken).ConfigureAwait(false);
        return counts.GetValueOrDefault(ReviewKind.New);
    }

    /// <summary>Cards of the plan (not retired) the learner has not seen yet.</summary>
    public async Task<int> CountUnseenAsync(long learnerId, CancellationToken cancellationToken)
    {
        var seen = await reviews.GetSeenCardIdsAsync(learnerId, cancellationToken).ConfigureAwait(false);
        return catalog.Cards.Count(card => !card.Retired && !seen.Contains(card.Id));
    }
}
