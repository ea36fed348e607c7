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

    public static CommandDescriptor UndoCommand { get; } =
        new("undo", "Take back your latest grade (for a few minutes after giving it): the card is as it was before.");

    /// <summary><c>/undo</c> and the Undo button under every recorded grade.</summary>
    public static IServiceCollection AddPrepBotUndo(this IServiceCollection services)
    {
        services.AddSingleton<UndoHandler>();
        services.AddCommand<UndoHandler>(UndoCommand, (handler, request, ct) => handler.HandleCommandAsync(request.Learner, ct));
        services.AddComponentHandler<UndoHandler>(UndoToken.Prefix, async (handler, request, ct) =>
            UndoToken.TryParse(request.CustomId, out var token)
                ? await handler.HandleButtonAsync(request.Learner!, token, ct).ConfigureAwait(false)
                : null);
        return services;
    }
}
