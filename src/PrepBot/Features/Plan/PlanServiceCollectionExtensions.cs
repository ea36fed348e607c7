using Microsoft.Extensions.DependencyInjection;
using PrepBot.Content;
using PrepBot.Conversation;

namespace PrepBot.Features.Plan;

public static class PlanServiceCollectionExtensions
{
    public static CommandDescriptor Command { get; } =
        new CommandDescriptor("plan", "Your week of the 16-week plan: goals, topics and your progress.")
        {
            Options =
            [
                new CommandOption(PlanHandler.WeekOption, "Show another week of the plan (1–16).", CommandOptionType.WholeNumber)
                {
                    MinValue = 1,
                    MaxValue = StudyPlan.WeekCount,
                },
                new CommandOption(PlanHandler.StartOption, "The day your week 1 starts, written YYYY-MM-DD.", CommandOptionType.Text)
                {
                    MaxLength = 10,
                },
            ],
        };

    /// <summary><c>/plan</c>: the learner's week of the 16-week plan (the server's cohort week when they set no start of their own).</summary>
    public static IServiceCollection AddPrepBotPlan(this IServiceCollection services)
    {
        services.AddSingleton<TopicProgressReader>();
        services.AddSingleton<PlanHandler>();
        services.AddCommand<PlanHandler>(Command, (handler, request, ct) => handler.HandleCommandAsync(request, ct));
        return services;
    }
}
