using Microsoft.Extensions.Options;
using PrepBot.Scheduling;
using Quartz;

namespace PrepBot.Features.Reminders;

/// <summary>Runs <see cref="ReminderService"/>; one run at a time (a large fan-out may outlast the interval).</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderService reminders) : IJob
{
    public static readonly JobKey Key = new("review-reminders", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await reminders.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Schedules <see cref="ReminderJob"/> every <see cref="ReminderOptions.CheckEveryMinutes"/> minutes. Nothing else needs
/// re-creating at start: who was reminded on which day is in the database, so the first run after a restart sends what
/// is still owed today and nothing twice. Missed runs are not made up one by one: after a pause (a busy machine, a long fan-out) one run right away covers them.
/// </summary>
public sealed class ReminderScheduleRegistrar(IOptions<ReminderOptions> options, TimeProvider time) : IScheduleRegistrar
{
    public async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var job = JobBuilder.Create<ReminderJob>().WithIdentity(Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("review-reminders", "reminders")
            .StartAt(time.GetUtcNow())
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(options.Value.CheckEveryMinutes)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    private static JobKey Key => ReminderJob.Key;
}
