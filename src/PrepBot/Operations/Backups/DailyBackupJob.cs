using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Scheduling;
using Quartz;

namespace PrepBot.Operations.Backups;

/// <summary>Takes the daily copy into <c>Data:Backup:Directory</c> and keeps the newest <c>Data:Backup:Keep</c>.</summary>
[DisallowConcurrentExecution]
public sealed partial class DailyBackupJob(
    DatabaseBackupStore backup, IOptions<BackupOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<DailyBackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-backup", "backups");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);
        try
        {
            await backup.BackupAsync(Path.Combine(folder, DatabaseBackupStore.DailyName(time.GetUtcNow())), cancellationToken).ConfigureAwait(false);
            foreach (var deleted in DatabaseBackupStore.Rotate(folder, options.Value.Keep))
            {
                LogRotated(deleted);
            }
        }
        catch (BackupException ex)
        {
            // The bot carries on; tomorrow's run tries again. The failure is counted as a failed job in the metrics.
            LogFailed(ex.Message);
            throw new JobExecutionException(ex.Message, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted old backup {File}")]
    private partial void LogRotated(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily backup failed: {Reason}")]
    private partial void LogFailed(string reason);
}

/// <summary>Schedules <see cref="DailyBackupJob"/> at <c>Data:Backup:Time</c> in the machine's time zone, when a folder is set.</summary>
public sealed class DailyBackupScheduleRegistrar(IOptions<BackupOptions> options, TimeProvider time) : IScheduleRegistrar
{
    public async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (string.IsNullOrWhiteSpace(options.Value.Directory))
        {
            return;
        }

        var at = options.Value.TimeOfDay;
        var job = JobBuilder.Create<DailyBackupJob>().WithIdentity(DailyBackupJob.Key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("daily-backup", "backups")
            .WithSchedule(CronScheduleBuilder.Create(string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} * * ?")).InTimeZone(time.LocalTimeZone))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }
}
