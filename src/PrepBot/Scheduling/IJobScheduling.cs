using Quartz;

namespace PrepBot.Scheduling;

/// <summary>
/// How features reach the scheduler: the Quartz scheduler where the host added scheduling
/// (<see cref="SchedulingServiceCollectionExtensions.AddPrepBotScheduling"/>, on Discord), none elsewhere (the terminal,
/// where nothing is scheduled). Features ask this port instead of looking <see cref="ISchedulerFactory"/> up.
/// </summary>
public interface IJobScheduling
{
    /// <summary>The running scheduler, or <see langword="null"/> where the host schedules nothing.</summary>
    Task<IScheduler?> GetSchedulerAsync(CancellationToken cancellationToken);
}

/// <summary>No scheduler: the default until the host adds scheduling.</summary>
public sealed class NoJobScheduling : IJobScheduling
{
    public Task<IScheduler?> GetSchedulerAsync(CancellationToken cancellationToken) => Task.FromResult<IScheduler?>(null);
}

/// <summary>The Quartz scheduler the host runs.</summary>
public sealed class QuartzJobScheduling(ISchedulerFactory schedulers) : IJobScheduling
{
    public async Task<IScheduler?> GetSchedulerAsync(CancellationToken cancellationToken) =>
        await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
}
