using Microsoft.Extensions.DependencyInjection;
using PrepBot.Content;
using PrepBot.Conversation;

namespace PrepBot.Features.Study;

public static class StudyServiceCollectionExtensions
{
    /// <summary>
    /// The reads of a returning learner's <c>/quiz</c> run once at start (<see cref="QuizWarmUp"/>), for a front end serving many
    /// learners: register it before the front end's own hosted service, so it runs before the first learner arrives.
    /// </summary>
    public static IServiceCollection AddPrepBotQuizWarmUp(this IServiceCollection services)
    {
        services.AddHostedService<QuizWarmUp>();
        return services;
    }

    /// <summary><c>/cards suspended</c> and <c>/cards resume</c>: a learner's suspended cards.</summary>
    public static CommandDescriptor CardsGroup { get; } =
        new CommandDescriptor("cards", "Your suspended cards: list them and resume them.")
        {
            Subcommands =
            [
                new("suspended", "List the cards you suspended, with a button to resume each.")
                {
                    Options =
                    [
                        new CommandOption(SuspendedCardsHandler.PageOption, "Which page of the list (10 cards a page).", CommandOptionType.WholeNumber) { MinValue = 1, MaxValue = 1000 },
                    ],
                },
                new("resume", "Bring a suspended card back: it is asked and counted as due again.")
                {
                    Options =
                    [
                        new CommandOption(SuspendedCardsHandler.CardOption, "The card's id, as /cards suspended lists it.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 64,
                            Autocomplete = true,
                        },
                    ],
                },
            ],
        };

    /// <summary>The study flow every card question goes through (reveal, grade, hint, SQL answer, not now, suspend), with its buttons and forms.</summary>
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

    /// <summary><c>/cards suspended</c> and <c>/cards resume</c>, with the list's Resume and Next page buttons.</summary>
    public static IServiceCollection AddPrepBotSuspendedCards(this IServiceCollection services)
    {
        services.AddSingleton<SuspendedCardsHandler>();
        services.AddCommandGroup(CardsGroup);
        services.AddCommandHandler<SuspendedCardsHandler>("cards suspended", (handler, request, ct) =>
            handler.ListAsync(request.Learner, request.Command.GetInt(SuspendedCardsHandler.PageOption) ?? 1, ct));
        services.AddCommandHandler<SuspendedCardsHandler>("cards resume", (handler, request, ct) =>
            handler.ResumeAsync(request.Learner, request.Command.Get(SuspendedCardsHandler.CardOption) ?? string.Empty, ct));
        services.AddOptionSuggestions<CardCatalog>("cards resume", SuspendedCardsHandler.CardOption, (catalog, _) => catalog.Cards.Select(c => c.Id));
        services.AddComponentHandler<SuspendedCardsHandler>(SuspendedCardsHandler.Prefix, (handler, request, ct) =>
            handler.HandleButtonAsync(request.Learner!, request.CustomId, ct));
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
