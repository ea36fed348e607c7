using Microsoft.Extensions.DependencyInjection;
using PrepBot.Scheduling;

namespace PrepBot.Features.Daily;

public static class DailyServiceCollectionExtensions
{
    /// <summary>
    /// <c>/setup</c>, the daily post and its buttons. The Quartz job and trigger registrar are registered here too; they
    /// are used only where the host runs the scheduler (the Discord transport).
    /// </summary>
    public static IServiceCollection AddPrepBotDaily(this IServiceCollection services)
    {
        services.AddSingleton<DailyStore>();
        services.AddSingleton<DailyCardChooser>();
        services.AddSingleton<DailyPostService>();
        services.AddSingleton<DailyScheduler>();
        services.AddSingleton<IScheduleRegistrar>(provider => provider.GetRequiredService<DailyScheduler>());
        services.AddTransient<DailyPostJob>();
        services.AddSingleton<SetupHandler>();
        services.AddSingleton<DailyAnswerHandler>();
        return services;
    }
}
