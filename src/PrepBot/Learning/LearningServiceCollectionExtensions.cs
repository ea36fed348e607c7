using Microsoft.Extensions.DependencyInjection;

namespace PrepBot.Learning;

public static class LearningServiceCollectionExtensions
{
    /// <summary>Learners and their card states, review log and study days: the stores that own those tables.</summary>
    public static IServiceCollection AddPrepBotLearning(this IServiceCollection services)
    {
        services.AddSingleton<LearnerDirectory>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<StudyDayStore>();
        return services;
    }
}
