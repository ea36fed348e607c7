using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Scheduling;

namespace PrepBot.Features.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>The daily reminder DMs: options, their store and service, and the job (scheduled only where Quartz runs: Discord).</summary>
    public static IServiceCollection AddPrepBotReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderService>();
        services.AddTransient<ReminderJob>();
        services.AddSingleton<IScheduleRegistrar, ReminderScheduleRegistrar>();
        return services;
    }
}
