using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Features.Interview;

/// <summary>
/// What a learner's interview date changes: the countdown itself, today's paced new cards (<see cref="NewCardPace"/>), and
/// the predicted recall on the day (<see cref="RecallForecast"/>) that <c>/stats</c>, <c>/plan</c> and the review order of
/// the last <see cref="Countdown.FinalStretchDays"/> days use.
/// </summary>
public sealed class InterviewCountdown(
    InterviewStore store, CardCatalog catalog, ReviewStore reviews, FsrsProfileStore profiles, LearnerSettingsStore settings, TimeProvider time)
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

    /// <summary>
    /// The countdown block of <c>/stats</c> and <c>/plan</c> (<see cref="CountdownText.Block"/>): days left, predicted recall on
    /// the day overall and for the weakest topics, and today's new-card pace; null when the learner has no interview ahead.
    /// </summary>
    public async Task<string?> BlockAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        if (await GetAsync(learner, cancellationToken).ConfigureAwait(false) is not { } countdown)
        {
            return null;
        }

        var forecast = await ForecastAsync(learner, countdown, cancellationToken).ConfigureAwait(false);
        var unseen = await CountUnseenAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var pace = await TodayPaceAsync(learner, countdown, cancellationToken).ConfigureAwait(false);
        return CountdownText.Block(countdown, forecast, unseen, pace);
    }

    /// <summary>Today's new-card pace with the learner's own cap and the new cards they have seen today (see <see cref="PaceAsync"/>).</summary>
    public async Task<NewCardPace?> TodayPaceAsync(LearnerContext learner, Countdown countdown, CancellationToken cancellationToken)
    {
        var caps = await settings.GetCapsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var newToday = await CountNewSeenTodayAsync(learner, cancellationToken).ConfigureAwait(false);
        return await PaceAsync(learner, countdown, newToday, caps.NewCards, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Predicted recall at the interview of the cards the learner has seen (not suspended, still in the deck), overall and for the weakest topics.</summary>
    public async Task<InterviewForecast> ForecastAsync(LearnerContext learner, Countdown countdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        var (memories, scheduler) = await MemoriesAsync(learner, cancellationToken).ConfigureAwait(false);
        return RecallForecast.Compute(memories, scheduler, countdown.InterviewAt, countdown.LastReviewAt(time.GetUtcNow()));
    }

    /// <summary>Each seen card's predicted recall at the interview, by card id (the final stretch's review order).</summary>
    public async Task<IReadOnlyDictionary<string, double>> RecallAtInterviewAsync(LearnerContext learner, Countdown countdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        var (memories, scheduler) = await MemoriesAsync(learner, cancellationToken).ConfigureAwait(false);
        return memories.ToDictionary(m => m.CardId, m => scheduler.Retrievability(m.Memory, countdown.InterviewAt), StringComparer.Ordinal);
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

    private async Task<(List<(string CardId, string Topic, FsrsMemory Memory)> Memories, FsrsScheduler Scheduler)> MemoriesAsync(
        LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var parameters = await profiles.GetParametersAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var memories = await reviews.GetMemoriesAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var inDeck = memories
            .Select(m => (Memory: m, Card: catalog.Find(m.CardId)))
            .Where(m => m.Card is { Retired: false })
            .Select(m => (m.Memory.CardId, m.Card!.Topic, m.Memory.Memory))
            .ToList();
        return (inDeck, FsrsScheduler.ForStudyDays(parameters, learner.Zone));
    }
}
