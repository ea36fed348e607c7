using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;
using PrepBot.Features.Settings;

namespace PrepBot.Features.Stats;

public static class StatsServiceCollectionExtensions
{
    /// <summary><c>/stats</c>: due reviews ahead, retention, streak, weakest topics and the activity heatmap.</summary>
    public static IServiceCollection AddPrepBotStats(this IServiceCollection services)
    {
        services.AddSingleton<StudyHistory>();
        services.AddSingleton<LearnerStatsReader>();
        services.AddSingleton<StatsHandler>();
        services.AddCommand<StatsHandler>(
            new CommandDescriptor("stats", "Due reviews ahead, retention, streak, weakest topics and a 12-week activity heatmap."),
            (handler, request, ct) => handler.HandleAsync(request.Learner, ct));
        return services;
    }

    /// <summary>
    /// <c>/leaderboard</c> and <c>/me leaderboard</c>, and the roster of who uses PrepBot in each server (recorded on
    /// every input from a server).
    /// </summary>
    public static IServiceCollection AddPrepBotLeaderboard(this IServiceCollection services)
    {
        services.AddSingleton<GuildRosterStore>();
        services.AddSingleton<LeaderboardStore>();
        services.AddSingleton<LeaderboardHandler>();
        services.AddSingleton(provider =>
        {
            var roster = provider.GetRequiredService<GuildRosterStore>();
            return new LearnerHook((who, learner, enrolled, ct) => who.GuildId is { } guildId ? roster.RecordAsync(guildId, learner.Id, enrolled, ct).AsTask() : Task.CompletedTask)
            {
                OnEnrolment = who => who.GuildId is { } guildId ? roster.WithEnrolment(guildId) : null,
            };
        });
        services.AddCommand<LeaderboardHandler>(
            new CommandDescriptor("leaderboard", "This week's most correct answers in this server: the top 10 and your place.") { GuildOnly = true },
            (handler, request, ct) => handler.HandleAsync(request.Learner, request.Who.GuildId!, ct));
        services.AddCommand<LeaderboardHandler>(
            LeaderboardHandler.MeLeaderboardCommand, (handler, request, ct) => handler.HandleSettingAsync(request.Learner, request.Command, ct), parent: MeCommands.Name);
        return services;
    }
}
