using Microsoft.Extensions.Hosting;
using PrepBot.Telemetry;
using Quartz;

namespace PrepBot.Operations;

/// <summary>Counts Quartz jobs fired, late (more than a minute after their time) and failed, by job type.</summary>
internal sealed class SchedulerMetricsListener : IJobListener
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    public string Name => "prepbot-metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = Tag(context);
        PrepBotMetrics.JobsFired.Add(1, job);
        if (context.ScheduledFireTimeUtc is { } scheduled && context.FireTimeUtc - scheduled > LateAfter)
        {
            PrepBotMetrics.JobsLate.Add(1, job);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (jobException is not null)
        {
            PrepBotMetrics.JobsFailed.Add(1, Tag(context));
        }

        return ValueTask.CompletedTask;
    }

    private static KeyValuePair<string, object?> Tag(IJobExecutionContext context) => new("job", context.JobDetail.JobType.Type.Name);
}

/// <summary>Adds <see cref="SchedulerMetricsListener"/> to the scheduler when the host starts.</summary>
internal sealed class SchedulerMetricsRegistration(ISchedulerFactory schedulers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        scheduler.ListenerManager.AddJobListener(new SchedulerMetricsListener(), GroupMatcher<JobKey>.AnyGroup());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
