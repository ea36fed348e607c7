using Microsoft.Extensions.Logging;
using PrepBot.Learning;
using PrepBot.Learning.Fsrs;
using PrepBot.Scheduling;
using Quartz;

namespace PrepBot.Features.Memory;

/// <summary>
/// Re-fits the FSRS weights of every learner with at least 400 counted grades whose last fit is a week old or more (or
/// who never had one); a learner on a pause waits until the next run after it. Run daily, so each learner is fitted about
/// once a week and a restart loses nothing: when the last fit happened is in the database.
/// </summary>
public sealed partial class WeeklyFsrsFit(FsrsProfileStore profiles, FsrsFitter fitter, PauseStore pauses, TimeProvider time, ILogger<WeeklyFsrsFit> logger)
{
    public static readonly TimeSpan RefitAfter = TimeSpan.FromDays(7);

    /// <summary>Fits who is owed a fit; returns how many were fitted (kept or not).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var owed = await profiles.GetLearnersToFitAsync(fitter.MinimumReviews, now - RefitAfter, cancellationToken).ConfigureAwait(false);
        var paused = await pauses.GetRunningAsync(DateOnly.FromDateTime(now.UtcDateTime.AddDays(-1)), cancellationToken).ConfigureAwait(false);
        var fitted = 0;
        foreach (var (learnerId, zoneId) in owed)
        {
            var zone = StudyCalendar.FindZone(zoneId) ?? TimeZoneInfo.Utc;
            var today = StudyCalendar.StudyDay(now, zone);
            if (paused[learnerId].Any(p => p.FirstDay <= today && p.LastDay >= today))
            {
                continue;
            }

            try
            {
                await fitter.FitAsync(learnerId, zone, cancellationToken).ConfigureAwait(false);
                fitted++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFitFailed(ex, learnerId);
            }
        }

        return fitted;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly FSRS fit failed for learner {LearnerId}; the others go on")]
    private partial void LogFitFailed(Exception exception, long learnerId);
}

/// <summary>Runs <see cref="WeeklyFsrsFit"/>.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyFsrsFitJob(WeeklyFsrsFit fit) : IJob
{
    public static readonly JobKey Key = new("fsrs-fit", "memory");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await fit.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Schedules <see cref="WeeklyFsrsFitJob"/> once a day, first an hour after start (not in the start-up rush). Replacing: on
/// PostgreSQL the trigger persists, so a restart or a second process registers the same one again.
/// </summary>
public sealed class WeeklyFsrsFitRegistrar(TimeProvider time) : IScheduleRegistrar
{
    public async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var job = JobBuilder.Create<WeeklyFsrsFitJob>().WithIdentity(WeeklyFsrsFitJob.Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("fsrs-fit", "memory")
            .StartAt(time.GetUtcNow().AddHours(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromDays(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }
}
