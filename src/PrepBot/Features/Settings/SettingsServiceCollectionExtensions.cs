using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;

namespace PrepBot.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary><c>/me</c>: settings, pause, caps, forget (the reminder DMs it sets up are <c>AddPrepBotReminders</c>).</summary>
    public static IServiceCollection AddPrepBotLearnerSettings(this IServiceCollection services)
    {
        services.AddSingleton<MeHandler>();

        services.AddCommandGroup(MeCommands.Group);
        services.AddCommandHandler<MeHandler>("me show", (handler, request, ct) => handler.ShowAsync(request.Learner, ct));
        services.AddCommandHandler<MeHandler>("me timezone", (handler, request, ct) => handler.TimeZoneAsync(request.Learner, request.Command, ct));
        services.AddCommandHandler<MeHandler>("me reminder", (handler, request, ct) => handler.ReminderAsync(request.Learner, request.Command, ct));
        services.AddCommandHandler<MeHandler>("me pause", (handler, request, ct) => handler.PauseAsync(request.Learner, request.Command, ct));
        services.AddCommandHandler<MeHandler>("me cap", (handler, request, ct) => handler.CapAsync(request.Learner, request.Command, ct));
        services.AddCommandHandler<MeHandler>("me forget", (handler, request, ct) => Task.FromResult(handler.AskToForget(request.Learner)));

        // Before enrolment: a stale "delete my data" button must not re-create the learner it deleted.
        services.AddComponentHandler<MeHandler>(ForgetConfirmation.Prefix, (handler, request, ct) => handler.HandleButtonAsync(request.Who, request.CustomId, ct), beforeEnrolment: true);
        return services;
    }
}
