using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;
using PrepBot.Features.Settings;

namespace PrepBot.Features.Interview;

public static class InterviewServiceCollectionExtensions
{
    /// <summary><c>/me interview</c>, and the countdown that <c>/stats</c>, <c>/plan</c>, new-card pacing, the review order and reminders read.</summary>
    public static IServiceCollection AddPrepBotInterview(this IServiceCollection services)
    {
        services.AddSingleton<InterviewCountdown>();
        services.AddSingleton<InterviewHandler>();
        services.AddCommand<InterviewHandler>(
            InterviewHandler.Command, (handler, request, ct) => handler.HandleAsync(request.Learner, request.Command, ct), parent: MeCommands.Name);
        return services;
    }
}
