using Microsoft.Extensions.Hosting;
using Quartz;

namespace PrepBot.Scheduling;

/// <summary>At start, asks every <see cref="IScheduleRegistrar"/> to re-create its triggers from the database.</summary>
public sealed class ScheduleRegistrationService(ISchedulerFactory schedulers, IEnumerable<IScheduleRegistrar> registrars) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var registrar in registrars)
        {
            await registrar.RegisterAsync(scheduler, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
