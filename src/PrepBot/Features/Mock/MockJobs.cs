using PrepBot.Data;
using Quartz;

namespace PrepBot.Features.Mock;

/// <summary>"10 minutes left", "5 minutes left", "time's up" for one round of one session.</summary>
[DisallowConcurrentExecution]
public sealed class MockTimerJob(MockTimers timers) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        await timers.OnTimerAsync(
            data.GetLong(MockTriggers.SessionKey), data.GetInt(MockTriggers.RoundKey), (MockTimerMark)data.GetInt(MockTriggers.MarkKey), cancellationToken)
            .ConfigureAwait(false);
    }
}

/// <summary>Gives up on a session's waiting state, or on a place in the queue, when its time runs out.</summary>
[DisallowConcurrentExecution]
public sealed class MockExpiryJob(MockSessionLifecycle lifecycle, MockMatchmaking matchmaking) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (data.ContainsKey(MockTriggers.QueueKey))
        {
            await matchmaking.OnQueueExpiredAsync(data.GetLong(MockTriggers.QueueKey), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Enum.TryParse<MockState>(data.GetString(MockTriggers.StateKey), out var state))
        {
            await lifecycle.OnAbandonAsync(data.GetLong(MockTriggers.SessionKey), data.GetInt(MockTriggers.RoundKey), state, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}

/// <summary>Posts the lobby of a scheduled cohort session when it is due.</summary>
[DisallowConcurrentExecution]
public sealed class MockReminderJob(MockCohortSchedule cohorts) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await cohorts.OnReminderAsync(context.MergedJobDataMap.GetLong(MockTriggers.ScheduledKey), cancellationToken).ConfigureAwait(false);
    }
}
