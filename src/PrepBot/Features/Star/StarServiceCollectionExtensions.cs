using Microsoft.Extensions.DependencyInjection;
using PrepBot.Content;
using PrepBot.Conversation;

namespace PrepBot.Features.Star;

public static class StarServiceCollectionExtensions
{
    public static CommandDescriptor Command { get; } =
        new CommandDescriptor("star", "Rehearse a behavioural answer in STAR form and get specific feedback.")
        {
            Options =
            [
                new CommandOption(StarHandler.CompetencyOption, "Only prompts about this competency, e.g. conflict or ownership.", CommandOptionType.Text)
                {
                    MaxLength = 64,
                    Autocomplete = true,
                },
                new CommandOption(StarHandler.TimedOption, "Spoken-style: a 2-minute timer, then type what you said.", CommandOptionType.Boolean),
            ],
        };

    public static CommandDescriptor StoriesGroup { get; } =
        new CommandDescriptor("stories", "Your bank of STAR stories.")
        {
            Subcommands =
            [
                new("list", "Your saved STAR answers: competencies, prompt, score and date."),
                new("delete", "Delete one of your stories from the database.")
                {
                    Options =
                    [
                        new CommandOption(StoriesHandler.IdOption, "The story's number, as /stories list shows it.", CommandOptionType.WholeNumber, IsRequired: true)
                        {
                            MinValue = 1,
                        },
                    ],
                },
            ],
        };

    /// <summary><c>/star</c> (a STAR rehearsal, its form and feedback) and <c>/stories</c> (the learner's story bank).</summary>
    public static IServiceCollection AddPrepBotStar(this IServiceCollection services)
    {
        services.AddSingleton<StarPrompts>();
        services.AddSingleton<StarStoryStore>();
        services.AddSingleton<StarHandler>();
        services.AddSingleton<StoriesHandler>();
        services.AddCommand<StarHandler>(Command, (handler, request, ct) => handler.HandleCommandAsync(request.Who, request.Learner, request.Command, ct));
        services.AddComponentHandler<StarHandler>(StarToken.Prefix, async (handler, request, ct) =>
            StarToken.TryParse(request.CustomId, out var token) ? await handler.HandleAsync(request.Learner!, token, request.Input, ct).ConfigureAwait(false) : null);
        services.AddOptionSuggestions<CardCatalog>("star", StarHandler.CompetencyOption, (catalog, who) => StarPrompts.CompetenciesIn(catalog));
        services.AddCommandGroup(StoriesGroup);
        services.AddCommandHandler<StoriesHandler>("stories list", (handler, request, ct) => handler.ListAsync(request.Learner, ct));
        services.AddCommandHandler<StoriesHandler>("stories delete", (handler, request, ct) => handler.DeleteAsync(request.Learner, request.Command, ct));
        return services;
    }
}
