using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;
using PrepBot.Features.Plan;
using PrepBot.Scheduling;

namespace PrepBot.Features.Daily;

public static class DailyServiceCollectionExtensions
{
    public static CommandDescriptor Group { get; } =
        new CommandDescriptor("setup", "Daily questions for this server (admins).")
        {
            RequiresManageServer = true,
            GuildOnly = true,
            Subcommands =
            [
                new("daily", "Post a daily question in a channel at a local time every day.")
                {
                    RequiresManageServer = true,
                    GuildOnly = true,
                    Options =
                    [
                        new CommandOption(SetupHandler.ChannelOption, "The channel to post in.", CommandOptionType.Channel, IsRequired: true)
                        {
                            MessageChannelsOnly = true,
                        },
                        new CommandOption(SetupHandler.TimeOption, "Local time of the post, 24-hour HH:mm, e.g. 09:00.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 5,
                        },
                        new CommandOption(SetupHandler.TimeZoneOption, "IANA time zone of that time, e.g. Europe/Berlin.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 64,
                            Autocomplete = true,
                        },
                    ],
                },
                new("mix", "Which kind of question each weekday: sql, concept, design, behavioral or off.")
                {
                    RequiresManageServer = true,
                    GuildOnly = true,
                    Options = [.. DailyMix.DayNames.Select(day => new CommandOption(day, $"The kind of question on {DayLabel(day)}.", CommandOptionType.Text)
                    {
                        Choices = [.. DailyMix.Values.Select(value => new CommandChoice(value, value))],
                    })],
                },
                new("cohort", "The day the cohort's week 1 starts, so daily questions follow the plan.")
                {
                    RequiresManageServer = true,
                    GuildOnly = true,
                    Options =
                    [
                        new CommandOption(SetupHandler.StartOption, "The first day of week 1, written YYYY-MM-DD.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 10,
                        },
                    ],
                },
                new("show", "This server's daily question set-up.") { RequiresManageServer = true, GuildOnly = true },
                new("pause", "Stop posting the daily question until /setup resume.") { RequiresManageServer = true, GuildOnly = true },
                new("resume", "Post the daily question again.") { RequiresManageServer = true, GuildOnly = true },
            ],
        };

    /// <summary>
    /// <c>/setup</c>, the daily post and its buttons. The Quartz job and trigger registrar are registered here too; they
    /// are used only where the host runs the scheduler (the Discord transport).
    /// </summary>
    public static IServiceCollection AddPrepBotDaily(this IServiceCollection services)
    {
        services.AddSingleton<DailyStore>();
        services.AddSingleton<DailyCardChooser>();
        services.AddSingleton<DailyPostService>();
        services.AddSingleton<DailyScheduler>();
        services.AddSingleton<IScheduleRegistrar>(provider => provider.GetRequiredService<DailyScheduler>());
        services.AddTransient<DailyPostJob>();
        services.AddSingleton<SetupHandler>();
        services.AddSingleton<DailyAnswerHandler>();
        services.AddSingleton<ICohortStarts, DailyCohortStarts>();
        services.AddCommandGroup(Group);
        foreach (var sub in Group.Subcommands)
        {
            services.AddCommandHandler<SetupHandler>("setup " + sub.Name, (handler, request, ct) => handler.HandleAsync(request.Who, request.Command, ct));
        }

        services.AddComponentHandler<DailyAnswerHandler>(DailyToken.Prefix, async (handler, request, ct) =>
            DailyToken.TryParse(request.CustomId, out var token)
                ? await handler.HandleAsync(request.Who, request.Learner!, token, request.Input, ct).ConfigureAwait(false)
                : null);
        return services;
    }

    private static string DayLabel(string day) => day switch
    {
        "mon" => "Mondays",
        "tue" => "Tuesdays",
        "wed" => "Wednesdays",
        "thu" => "Thursdays",
        "fri" => "Fridays",
        "sat" => "Saturdays",
        _ => "Sundays",
    };
}
