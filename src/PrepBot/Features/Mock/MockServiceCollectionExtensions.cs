using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Scheduling;

namespace PrepBot.Features.Mock;

public static class MockServiceCollectionExtensions
{
    /// <summary>
    /// Cohort mock interviews: <see cref="MockOptions"/> (section <c>Mock</c>, validated at start), the handler, the
    /// session flow, its Quartz jobs and the registrar that re-creates their triggers from the database at start.
    /// </summary>
    public static IServiceCollection AddPrepBotMockInterviews(this IServiceCollection services)
    {
        services.AddOptions<MockOptions>().BindConfiguration(MockOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MockOptions>, MockOptionsValidator>());
        services.AddSingleton<MockTriggers>();
        services.AddSingleton<MockInterviews>();
        services.AddSingleton<MockHandler>();
        services.AddTransient<MockTimerJob>();
        services.AddTransient<MockExpiryJob>();
        services.AddTransient<MockReminderJob>();
        services.AddSingleton<IScheduleRegistrar, MockScheduleRegistrar>();
        return services;
    }
}
