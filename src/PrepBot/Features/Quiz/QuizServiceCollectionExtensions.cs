using Microsoft.Extensions.DependencyInjection;
using PrepBot.Content;
using PrepBot.Conversation;

namespace PrepBot.Features.Quiz;

public static class QuizServiceCollectionExtensions
{
    public static CommandDescriptor Command { get; } =
        new CommandDescriptor("quiz", "A question now: a due review, or a new card from your week of the plan.")
        {
            Options =
            [
                new CommandOption(QuizHandler.WeekOption, "Only cards of this week of the plan (1–16), later weeks included.", CommandOptionType.WholeNumber)
                {
                    MinValue = 1,
                    MaxValue = StudyPlan.WeekCount,
                },
                new CommandOption(QuizHandler.TopicOption, "Only cards of this topic, e.g. window-functions (/plan lists them).", CommandOptionType.Text)
                {
                    MaxLength = 64,
                    Autocomplete = true,
                },
            ],
        };

    /// <summary><c>/quiz</c>: a due review, or a new card from the learner's week of the plan.</summary>
    public static IServiceCollection AddPrepBotQuiz(this IServiceCollection services)
    {
        services.AddSingleton<QuizHandler>();
        services.AddCommand<QuizHandler>(Command, (handler, request, ct) => handler.HandleAsync(request.Learner, request.Command, ct));
        services.AddOptionSuggestions<CardCatalog>("quiz", QuizHandler.TopicOption, (catalog, who) => catalog.TopicIds);
        return services;
    }
}
