using Microsoft.Extensions.DependencyInjection;
using PrepBot.Content;
using PrepBot.Conversation;

namespace PrepBot.Features.Cards;

public static class CardsServiceCollectionExtensions
{
    public static CommandDescriptor Group { get; } =
        new CommandDescriptor("card", "Deck tools for server admins.")
        {
            RequiresManageServer = true,
            Subcommands =
            [
                new("show", "Preview a card as learners see it, with its file, week, topic and difficulty.")
                {
                    RequiresManageServer = true,
                    Options =
                    [
                        new CommandOption(CardShowHandler.IdOption, "The card's id, e.g. sql-top-products-per-category.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 64,
                            Autocomplete = true,
                        },
                    ],
                },
            ],
        };

    /// <summary><c>/card show</c>: deck tools for server admins; and <c>content stats</c> for authors on the command line.</summary>
    public static IServiceCollection AddPrepBotCards(this IServiceCollection services)
    {
        services.AddSingleton<CardShowHandler>();
        services.AddCommandGroup(Group);
        services.AddCommandHandler<CardShowHandler>("card show", (handler, request, ct) => handler.HandleAsync(request.Who, request.Learner, request.Command, ct));
        services.AddSingleton<ContentStatsCommand>();
        services.AddOptionSuggestions<CardCatalog>("card show", CardShowHandler.IdOption, (catalog, who) => who.CanManageServer ? catalog.Cards.Select(c => c.Id) : []);
        return services;
    }
}
