using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Scheduling;

namespace PrepBot.Features.Mock;

public static class MockServiceCollectionExtensions
{
    public static CommandDescriptor Group { get; } =
        new CommandDescriptor("mock", "Mock interviews in pairs, in a server channel.")
        {
            Subcommands =
            [
                new("start", "Post a lobby to pair up for a timed mock interview, or invite one member.")
                {
                    GuildOnly = true,
                    Options =
                    [
                        MockKindOption(),
                        new CommandOption(MockHandler.WithOption, "Pair with this member directly; only they can take the other seat.", CommandOptionType.User),
                    ],
                },
                new("queue", "Wait to be matched with someone in this server for a mock interview.")
                {
                    GuildOnly = true,
                    Options = [MockKindOption()],
                },
                new("schedule", "Schedule a cohort session: at the time, a lobby is posted in this channel.")
                {
                    GuildOnly = true,
                    Options =
                    [
                        new CommandOption(MockHandler.TimeOption, "HH:MM or YYYY-MM-DD HH:MM, in your time zone.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 16,
                        },
                        MockKindOption(),
                    ],
                },
                new("history", "Your past mock interviews and the scores you got and gave."),
            ],
        };

    /// <summary>
    /// Cohort mock interviews: <see cref="MockOptions"/> (section <c>Mock</c>, validated at start), the handler, the
    /// store, the flows (lobby, matchmaking, cohort schedule, session lifecycle, timers, feedback, history), what they
    /// say, the Quartz jobs and the registrar that re-creates their triggers from the database at start.
    /// </summary>
    public static IServiceCollection AddPrepBotMockInterviews(this IServiceCollection services)
    {
        services.AddOptions<MockOptions>().BindConfiguration(MockOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MockOptions>, MockOptionsValidator>());
        services.AddSingleton<MockStore>();
        services.AddSingleton<MockTriggers>();
        services.AddSingleton<MockPresenter>();
        services.AddSingleton<MockReplies>();
        services.AddSingleton<MockPosts>();
        services.AddSingleton<MockSessionLifecycle>();
        services.AddSingleton<MockTimers>();
        services.AddSingleton<MockLobby>();
        services.AddSingleton<MockMatchmaking>();
        services.AddSingleton<MockCohortSchedule>();
        services.AddSingleton<MockFeedbackFlow>();
        services.AddSingleton<MockHistory>();
        services.AddSingleton<MockHandler>();
        services.AddTransient<MockTimerJob>();
        services.AddTransient<MockExpiryJob>();
        services.AddTransient<MockReminderJob>();
        services.AddSingleton<IScheduleRegistrar, MockScheduleRegistrar>();
        services.AddCommandGroup(Group);
        foreach (var sub in Group.Subcommands)
        {
            services.AddCommandHandler<MockHandler>(
                "mock " + sub.Name,
                (handler, request, ct) => handler.HandleAsync(request.Who, request.Learner, request.Command, ct),
                outsideServer: (handler, request) => MockHandler.OutsideServer(request.Command.Path, handler.CanPost));
        }

        services.AddComponentHandler<MockHandler>(MockToken.Prefix, async (handler, request, ct) =>
            MockToken.TryParse(request.CustomId, out var token)
                ? await handler.HandleComponentAsync(request.Who, request.Learner!, token, request.Input, ct).ConfigureAwait(false)
                : null);
        return services;
    }

    private static CommandOption MockKindOption() =>
        new(MockHandler.KindOption, "What to practise.", CommandOptionType.Text, IsRequired: true)
        {
            Choices =
            [
                new CommandChoice("behavioural", MockKinds.Behavioral),
                new CommandChoice("system design", MockKinds.Design),
                new CommandChoice("SQL", MockKinds.Sql),
            ],
        };
}
