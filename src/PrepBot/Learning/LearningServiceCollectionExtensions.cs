using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PrepBot.Learning;

public static class LearningServiceCollectionExtensions
{
    /// <summary>
    /// Learners, their settings and pauses, card states, review log and study days: the stores that own those tables.
    /// </summary>
    public static IServiceCollection AddPrepBotLearning(this IServiceCollection services)
    {
        services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LearningOptions>, LearningOptionsValidator>());
        services.AddSingleton<LearnerStore>();
        services.AddSingleton<LearnerSettingsStore>();
        services.AddSingleton<InterviewStore>();
        services.AddSingleton<PauseStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<CardHoldStore>();
        services.AddSingleton<StudyDayStore>();
        services.AddSingleton<ReviewStatsStore>();
        services.AddSingleton<Fsrs.FsrsProfileStore>();
        services.AddSingleton<Fsrs.SrsEvaluateCommand>();
        services.AddSingleton<PrepBot.Data.IDatabaseUpgradeStep, Fsrs.FsrsMemoryBackfill>();
        return services;
    }
}
