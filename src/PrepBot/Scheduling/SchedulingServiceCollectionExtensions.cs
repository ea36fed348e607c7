using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace PrepBot.Scheduling;

/// <summary>
/// Quartz.NET 4 as a hosted scheduler, on the host's <see cref="TimeProvider"/> (a <c>FakeTimeProvider</c> in tests drives
/// it). Triggers live in memory: the database is the record of what is scheduled and what already happened, and each
/// feature re-creates its triggers from it at start (an <see cref="IScheduleRegistrar"/>), so a restart neither loses nor
/// repeats anything. The host adds it explicitly where schedules run (on Discord); features reach it through
/// <see cref="IJobScheduling"/>, which without this call has no scheduler.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddPrepBotScheduling(this IServiceCollection services)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleRegistrationService>();
        services.Replace(ServiceDescriptor.Singleton<IJobScheduling, QuartzJobScheduling>());
        return services;
    }
}
