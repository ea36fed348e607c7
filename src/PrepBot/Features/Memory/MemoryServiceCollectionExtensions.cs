using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;
using PrepBot.Features.Settings;
using PrepBot.Learning.Fsrs;
using PrepBot.Scheduling;

namespace PrepBot.Features.Memory;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>
    /// <c>/me scheduler|retention|optimize</c> (SM-2 or FSRS-6, the learner's target retention, weights fitted to their log)
    /// and the job that re-fits, once a week, the weights of every learner with enough history.
    /// </summary>
    public static IServiceCollection AddPrepBotMemory(this IServiceCollection services)
    {
        services.AddSingleton<FsrsFitter>();
        services.AddSingleton<MemoryHandler>();
        services.AddCommand<MemoryHandler>(MemoryCommands.Scheduler, (handler, request, ct) => handler.SchedulerAsync(request.Learner, request.Command, ct), parent: MeCommands.Name);
        services.AddCommand<MemoryHandler>(MemoryCommands.Retention, (handler, request, ct) => handler.RetentionAsync(request.Learner, request.Command, ct), parent: MeCommands.Name);
        services.AddCommand<MemoryHandler>(MemoryCommands.Optimize, (handler, request, ct) => handler.OptimizeAsync(request.Learner, ct), parent: MeCommands.Name);
        services.AddSingleton<WeeklyFsrsFit>();
        services.AddTransient<WeeklyFsrsFitJob>();
        services.AddSingleton<IScheduleRegistrar, WeeklyFsrsFitRegistrar>();
        return services;
    }
}
