using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;

namespace PrepBot.Features.Study;

public static class StudyServiceCollectionExtensions
{
    /// <summary>The study flow every card question goes through (reveal, grade, hint, SQL answer), with its buttons and forms.</summary>
    public static IServiceCollection AddPrepBotStudy(this IServiceCollection services)
    {
        services.AddSingleton<DailyCaps>();
        services.AddSingleton<CardPicker>();
        services.AddSingleton<StudyFlow>();
        services.AddComponentHandler<StudyFlow>(StudyToken.Prefix, async (handler, request, ct) =>
            StudyToken.TryParse(request.CustomId, out var token)
                ? await handler.HandleAsync(request.Learner!, token, request.Input, ct).ConfigureAwait(false)
                : null);
        return services;
    }
}
