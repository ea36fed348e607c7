using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Cards;
using PrepBot.Features.Plan;
using PrepBot.Features.Quiz;
using PrepBot.Features.Settings;

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
        new("stats", "What is due, reviews done, retention and your streak."),
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
            ],
        },
        new("help", "What PrepBot can do."),
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
    ];
}
