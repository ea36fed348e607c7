using System.Globalization;
using Microsoft.Extensions.Logging;
using PrepBot.Data;
using PrepBot.Scheduling;
using Quartz;

namespace PrepBot.Features.Mock;

/// <summary>
/// One-shot Quartz triggers for mock interviews, named after what they are for (<c>mock-42-r1-1</c>), so scheduling the
/// same thing twice — at start from the database and again from a running flow — creates it once. Without a scheduler
/// (the terminal) nothing is scheduled: there are no mock sessions there.
/// </summary>
public sealed partial class MockTriggers(IJobScheduling scheduling, TimeProvider time, ILogger<MockTriggers> logger)
{
    public const string SessionKey = "session";
    public const string RoundKey = "round";
    public const string MarkKey = "mark";
    public const string StateKey = "state";
    public const string QueueKey = "queue";
    public const string ScheduledKey = "scheduled";

    /// <summary>The three timer messages of the session's current round that are not posted yet.</summary>
    public async Task ScheduleRoundAsync(MockSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.EndsAt is not { } ends)
        {
            return;
        }

        foreach (var (mark, at) in MarkTimes(ends))
        {
            if (((MockTimerMark)session.PostedMarks & mark) != 0)
            {
                continue;
            }

            await ScheduleAsync<MockTimerJob>(
                string.Create(CultureInfo.InvariantCulture, $"mock-{session.Id}-r{session.Round}-{(int)mark}"),
                at,
                new JobDataMap { [SessionKey] = session.Id, [RoundKey] = session.Round, [MarkKey] = (int)mark },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives up on the session's waiting state (lobby, feedback, swap) at <see cref="MockSession.AbandonAt"/>.</summary>
    public Task ScheduleAbandonAsync(MockSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.AbandonAt is not { } at
            ? Task.CompletedTask
            : ScheduleAsync<MockExpiryJob>(
                string.Create(CultureInfo.InvariantCulture, $"mock-{session.Id}-x-{session.State}-{session.Round}"),
                at,
                new JobDataMap { [SessionKey] = session.Id, [RoundKey] = session.Round, [StateKey] = session.State.ToString() },
                cancellationToken);
    }

    public Task ScheduleQueueExpiryAsync(MockQueueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ScheduleAsync<MockExpiryJob>(
            string.Create(CultureInfo.InvariantCulture, $"mockq-{entry.Id}"),
            entry.ExpiresAt,
            new JobDataMap { [QueueKey] = entry.Id },
            cancellationToken);
    }

    public Task ScheduleReminderAsync(MockScheduledSession scheduled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        return ScheduleAsync<MockReminderJob>(
            string.Create(CultureInfo.InvariantCulture, $"mocks-{scheduled.Id}"),
            scheduled.StartsAt,
            new JobDataMap { [ScheduledKey] = scheduled.Id },
            cancellationToken);
    }

    /// <summary>When each timer message of a round ending at <paramref name="endsAt"/> is due, in order.</summary>
    public static IReadOnlyList<(MockTimerMark Mark, DateTimeOffset At)> MarkTimes(DateTimeOffset endsAt) =>
    [
        (MockTimerMark.TenMinutesLeft, endsAt.AddMinutes(-10)),
        (MockTimerMark.FiveMinutesLeft, endsAt.AddMinutes(-5)),
        (MockTimerMark.TimesUp, endsAt),
    ];

    private async Task ScheduleAsync<TJob>(string name, DateTimeOffset at, JobDataMap data, CancellationToken cancellationToken)
        where TJob : IJob
    {
        try
        {
            if (await scheduling.GetSchedulerAsync(cancellationToken).ConfigureAwait(false) is not { } scheduler)
            {
                return;
            }

            var key = new JobKey(name, "mock");
            if (await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // Due in the past (the bot was down): fire now. Misfires are ignored rather than "fire now", which Quartz
            // computes from the system clock instead of the host's TimeProvider; the job re-checks the database anyway.
            var now = time.GetUtcNow();
            var job = JobBuilder.Create<TJob>().WithIdentity(key).UsingJobData(data).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(name, "mock")
                .StartAt(at > now ? at : now)
                .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Scheduled concurrently by the registrar and a running flow: once is what we want.
        }
        catch (SchedulerException ex)
        {
            // Shutting down: the database still says what is due, and the registrar schedules it at the next start.
            LogNotScheduled(ex, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mock trigger {Name} not scheduled (the scheduler is stopping); it is re-created from the database at start")]
    private partial void LogNotScheduled(Exception exception, string name);
}
