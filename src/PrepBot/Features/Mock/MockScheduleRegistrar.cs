using PrepBot.Data;
using PrepBot.Scheduling;
using Quartz;

namespace PrepBot.Features.Mock;

/// <summary>
/// At start, puts back every mock interview trigger the database says is pending: the timer messages of running rounds
/// (those not yet posted), the give-up time of waiting sessions, lapsing queue places and scheduled cohort reminders.
/// Triggers already in the past fire at once; each job checks the database again, so nothing is posted twice.
/// </summary>
public sealed class MockScheduleRegistrar(MockStore store, MockTriggers triggers) : IScheduleRegistrar
{
    public async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var open = await store.OpenSessionsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var session in open)
        {
            if (session.State == MockState.Active)
            {
                await triggers.ScheduleRoundAsync(session, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (session.State == MockState.Feedback && ((MockTimerMark)session.PostedMarks & MockTimerMark.TimesUp) == 0)
            {
                // Ended just before the restart without its "round is over" message: the TimesUp trigger posts it.
                await triggers.ScheduleRoundAsync(session, cancellationToken).ConfigureAwait(false);
            }

            await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in await store.QueueEntriesAsync(cancellationToken).ConfigureAwait(false))
        {
            await triggers.ScheduleQueueExpiryAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        var pending = await store.PendingSchedulesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var scheduled in pending)
        {
            await triggers.ScheduleReminderAsync(scheduled, cancellationToken).ConfigureAwait(false);
        }
    }
}
