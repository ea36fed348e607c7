using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Features.Autocomplete;
using PrepBot.Features.Cards;
using PrepBot.Features.Daily;
using PrepBot.Features.Help;
using PrepBot.Features.Mock;
using PrepBot.Features.Plan;
using PrepBot.Features.Quiz;
using PrepBot.Features.Reminders;
using PrepBot.Features.Review;
using PrepBot.Features.Settings;
using PrepBot.Features.SqlPractice;
using PrepBot.Features.Star;
using PrepBot.Features.Stats;
using PrepBot.Features.Study;
using PrepBot.Scheduling;

namespace PrepBot.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>The transport-neutral features and the router transports call.</summary>
    public static IServiceCollection AddPrepBotFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton<IMessenger, NoMessenger>();
        services.TryAddSingleton<IJobScheduling, NoJobScheduling>();
        services.AddPrepBotSqlPractice();
        services.AddSingleton<TopicProgressReader>();
        services.AddSingleton<DailyCaps>();
        services.AddSingleton<CardPicker>();
        services.AddSingleton<StudyFlow>();
        services.AddSingleton<QuizHandler>();
        services.AddSingleton<ReviewHandler>();
        services.AddSingleton<StudyHistory>();
        services.AddSingleton<LearnerStatsReader>();
        services.AddSingleton<StatsHandler>();
        services.AddSingleton<GuildRoster>();
        services.AddSingleton<LeaderboardStore>();
        services.AddSingleton<LeaderboardHandler>();
        services.AddSingleton<HelpHandler>();
        services.AddSingleton<OptionSuggestions>();
        services.AddSingleton<PlanHandler>();
        services.AddSingleton<CardShowHandler>();
        services.AddSingleton<StarPrompts>();
        services.AddSingleton<StarStoryStore>();
        services.AddSingleton<StarHandler>();
        services.AddSingleton<StoriesHandler>();
        services.AddPrepBotDaily();
        services.AddPrepBotMockInterviews();
        services.AddPrepBotLearnerSettings();
        services.AddSingleton<ConversationRouter>();
        return services;
    }

    /// <summary><c>/me</c> (settings, pause, caps, forget) and the daily reminder DMs (scheduled only where Quartz runs: Discord).</summary>
    private static IServiceCollection AddPrepBotLearnerSettings(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.AddSingleton<LearnerSettingsStore>();
        services.AddSingleton<PauseService>();
        services.AddSingleton<MeHandler>();
        services.AddSingleton<ReminderService>();
        services.AddTransient<ReminderJob>();
        services.AddSingleton<IScheduleRegistrar, ReminderScheduleRegistrar>();
        return services;
    }
}
