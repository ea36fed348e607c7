using System.Globalization;
using Microsoft.Extensions.Logging;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Scheduling;
using Quartz;

namespace PrepBot.Features.Daily;

/// <summary>
/// One Quartz job per configured server (<see cref="DailyPostJob"/>), with one trigger for the next day a question is
/// due at the instant <see cref="DailySchedule"/> gives in the server's time zone (so DST days post once, at the right
/// time). Each run schedules the following day. At start the triggers are re-created from the database: a question
/// still owed today (its time passed while the bot was down, and no record of it) is posted at once, late; a day that
/// ended while the bot was down is not made up.
/// </summary>
public sealed partial class DailyScheduler(IJobScheduling scheduling, DailyStore store, TimeProvider time, ILogger<DailyScheduler> logger)
    : IScheduleRegistrar
{
    public const string GuildKey = "guild";
    public const string DateKey = "date";
    private const string Group = "daily-post";

    public async Task RegisterAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        foreach (var settings in await store.GetScheduledAsync(cancellationToken).ConfigureAwait(false))
        {
            await ScheduleAsync(scheduler, settings, after: null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After <c>/setup</c> changed a server: replaces its trigger (or removes it when paused or unset). A no-op without a scheduler (the terminal).</summary>
    public async Task GuildChangedAsync(string guildId, CancellationToken cancellationToken)
    {
        if (await scheduling.GetSchedulerAsync(cancellationToken).ConfigureAwait(false) is not { } scheduler)
        {
            return;
        }

        var settings = await store.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (settings is null)
        {
            await UnscheduleAsync(scheduler, guildId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ScheduleAsync(scheduler, settings, after: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next question of a server after the one of <paramref name="after"/> (from the job that just ran).</summary>
    public async Task ScheduleNextAsync(IScheduler scheduler, string guildId, DateOnly after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (await store.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false) is { } settings)
        {
            await ScheduleAsync(scheduler, settings, after, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// When the next question of a server is due: the day and the instant, or (for a question still owed today) now.
    /// Null when there is nothing to schedule (no channel, paused, unknown zone).
    /// </summary>
    public async Task<(DateOnly Date, DateTimeOffset At)?> NextAsync(GuildDailySettings settings, DateOnly? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings is not { ChannelId: not null, PostTime: { } postTime, Paused: false }
            || StudyCalendar.FindZone(settings.TimeZoneId ?? string.Empty) is not { } zone)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = DailySchedule.LocalDate(now, zone);
        var date = after is { } done && done >= today ? done.AddDays(1) : today;
        // Records exist only up to today, so this ends within a couple of days; the bound guards against a damaged clock.
        for (var i = 0; i < 400; i++, date = date.AddDays(1))
        {
            var at = DailySchedule.PostInstant(date, postTime, zone);
            var record = await store.GetPostAsync(settings.GuildId, date, cancellationToken).ConfigureAwait(false);
            if (record is { State: not DailyPostState.Claimed })
            {
                continue;
            }

            if (at > now)
            {
                return (date, at);
            }

            // Today's time has passed: owed if it passed after the set-up (a claimed but unsent post is always owed).
            if (date == today && (record is not null || at >= settings.ScheduledSince))
            {
                return (date, now);
            }
        }

        return null;
    }

    private async Task ScheduleAsync(IScheduler scheduler, GuildDailySettings settings, DateOnly? after, CancellationToken cancellationToken)
    {
        var jobKey = JobKeyOf(settings.GuildId);
        var next = await NextAsync(settings, after, cancellationToken).ConfigureAwait(false);
        if (after is null)
        {
            await UnscheduleAsync(scheduler, settings.GuildId, cancellationToken).ConfigureAwait(false);
        }

        if (next is not { } due)
        {
            return;
        }

        var job = JobBuilder.Create<DailyPostJob>().WithIdentity(jobKey).UsingJobData(GuildKey, settings.GuildId).StoreDurably().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);

        var date = due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var triggerKey = new TriggerKey($"{settings.GuildId}.{date}", Group);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .UsingJobData(DateKey, date)
            .StartAt(due.At)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        LogScheduled(settings.GuildId, due.Date, due.At);
    }

    private static async Task UnscheduleAsync(IScheduler scheduler, string guildId, CancellationToken cancellationToken)
    {
        var triggers = await scheduler.GetTriggersOfJob(JobKeyOf(guildId), cancellationToken).ConfigureAwait(false);
        foreach (var trigger in triggers)
        {
            await scheduler.UnscheduleJob(trigger.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JobKey JobKeyOf(string guildId) => new(guildId, Group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily question of {GuildId} for {Date} scheduled at {At}")]
    private partial void LogScheduled(string guildId, DateOnly date, DateTimeOffset at);
}

/// <summary>Thin: posts the day's question of one server, then schedules the next.</summary>
[DisallowConcurrentExecution]
public sealed partial class DailyPostJob(DailyPostService posts, DailyScheduler scheduler, ILogger<DailyPostJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var guildId = context.MergedJobDataMap.GetString(DailyScheduler.GuildKey);
        var dateText = context.MergedJobDataMap.GetString(DailyScheduler.DateKey);
        if (guildId is null || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            LogBadJobData(context.Trigger.Key.ToString());
            return;
        }

        try
        {
            await posts.RunAsync(guildId, date, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, guildId, date);
        }
        finally
        {
            // When the bot is stopping, the next day's trigger is re-created from the database at the next start.
            if (context.Scheduler.Status is not (SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown) && !cancellationToken.IsCancellationRequested)
            {
                await scheduler.ScheduleNextAsync(context.Scheduler, guildId, date, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily question trigger {Trigger} carried no server or day")]
    private partial void LogBadJobData(string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily question of {GuildId} for {Date} failed")]
    private partial void LogFailed(Exception exception, string guildId, DateOnly date);
}
