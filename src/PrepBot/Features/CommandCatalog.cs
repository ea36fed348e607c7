using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Cards;
using PrepBot.Features.Daily;
using PrepBot.Features.Export;
using PrepBot.Features.Mock;
using PrepBot.Features.Plan;
using PrepBot.Features.Quiz;
using PrepBot.Features.Settings;
using PrepBot.Features.Star;
using PrepBot.Features.Stats;

namespace PrepBot.Features;

/// <summary>Every command learners can run; the Discord transport registers these as slash commands.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandDescriptor> All { get; } =
    [
        new("quiz", "A question now: a due review, or a new card from your week of the plan.")
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
        },
        new("review", "Work through the cards due for review."),
        new("plan", "Your week of the 16-week plan: goals, topics and your progress.")
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
        },
        new("stats", "Due reviews ahead, retention, streak, weakest topics and a 12-week activity heatmap."),
        new("star", "Rehearse a behavioural answer in STAR form and get specific feedback.")
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
        },
        new("stories", "Your bank of STAR stories.")
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
        },
        new("leaderboard", "This week's most correct answers in this server: the top 10 and your place.")
        {
            GuildOnly = true,
        },
        new(MeCommands.Name, "Your settings: time zone, reminder, pause, daily caps; or delete your data.")
        {
            // Every /me sub-command; other features add theirs here (e.g. /me leaderboard).
            Subcommands =
            [
                MeCommands.Show,
                MeCommands.TimeZone,
                MeCommands.Reminder,
                MeCommands.Pause,
                MeCommands.Cap,
                MeCommands.Forget,
                ExportHandler.Command,
                LeaderboardHandler.MeLeaderboardCommand,
            ],
        },
        new("help", "What PrepBot can do."),
        new("mock", "Mock interviews in pairs, in a server channel.")
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
        },
        new("card", "Deck tools for server admins.")
        {
            RequiresManageServer = true,
            Subcommands =
            [
                new("show", "Preview a card as learners see it, with its file, week, topic and difficulty.")
                {
                    RequiresManageServer = true,
                    Options =
                    [
                        new CommandOption(CardShowHandler.IdOption, "The card's id, e.g. sql-top-products-per-category.", CommandOptionType.Text, IsRequired: true)
                        {
                            MaxLength = 64,
                            Autocomplete = true,
                        },
                    ],
                },
            ],
        },
        new("setup", "Daily questions for this server (admins).")
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
        },
    ];

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
