using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrepBot.Conversation;
using PrepBot.Features.Cards;
using PrepBot.Features.Daily;
using PrepBot.Features.Export;
using PrepBot.Features.Help;
using PrepBot.Features.Interview;
using PrepBot.Features.Memory;
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
    /// <summary>
    /// The transport-neutral features and the router transports call. Each feature registers its own commands and
    /// component handlers; commands are listed (in <c>/help</c>, on Discord, in "did you mean") in the order of these lines.
    /// </summary>
    public static IServiceCollection AddPrepBotFeatures(this IServiceCollection services)
    {
        services.AddPrepBotConversation();
        services.TryAddSingleton<IJobScheduling, NoJobScheduling>();
        services.AddPrepBotSqlPractice();
        services.AddPrepBotStudy();
        services.AddPrepBotQuiz();
        services.AddPrepBotReview();
        services.AddPrepBotSuspendedCards();
        services.AddPrepBotUndo();
        services.AddPrepBotPlan();
        services.AddPrepBotStats();
        services.AddPrepBotStar();
        services.AddPrepBotLeaderboard();
        services.AddPrepBotReminders();
        services.AddPrepBotLearnerSettings();
        services.AddPrepBotMemory();
        services.AddPrepBotInterview();
        services.AddPrepBotExport();
        services.AddPrepBotHelp();
        services.AddPrepBotMockInterviews();
        services.AddPrepBotCards();
        services.AddPrepBotDaily();
        return services;
    }
}
