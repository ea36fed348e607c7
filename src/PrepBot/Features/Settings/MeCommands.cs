using PrepBot.Conversation;
using PrepBot.Learning;

namespace PrepBot.Features.Settings;

/// <summary>
/// The <c>/me</c> sub-commands (Discord allows no bare <c>/me</c> beside sub-commands). <see cref="Group"/> lists
/// these under <c>me</c>; other features add their own <c>/me</c> sub-commands to it from their registration.
/// </summary>
public static class MeCommands
{
    public const string Name = "me";
    public const string DaysOption = "days";
    public const string TimeOption = "time";
    public const string ReviewsOption = "reviews";
    public const string NewOption = "new";
    public const int MaxCap = 500;

    public static CommandDescriptor Show { get; } = new("show", "Your settings, and why a reminder did or did not come.");

    public static CommandDescriptor TimeZone { get; } = new("timezone", "Your time zone: days, streaks and reminders follow it.")
    {
        Options =
        [
            new CommandOption(OptionSuggestions.TimeZoneOption, "An IANA time zone, e.g. Europe/Berlin or America/New_York.", CommandOptionType.Text, IsRequired: true)
            {
                MaxLength = 64,
                Autocomplete = true,
            },
        ],
    };

    public static CommandDescriptor Reminder { get; } = new("reminder", "When your daily review reminder DM comes, or turn it off.")
    {
        Options =
        [
            new CommandOption(TimeOption, "Your local time, 24-hour HH:mm (e.g. 18:30), or off.", CommandOptionType.Text, IsRequired: true)
            {
                MaxLength = 5,
            },
        ],
    };

    public static CommandDescriptor Pause { get; } = new("pause", "Away for a while: no reminders, reviews wait, streak frozen. 0 ends a pause.")
    {
        Options =
        [
            new CommandOption(DaysOption, "Days to pause, starting today (0 ends a pause now).", CommandOptionType.WholeNumber, IsRequired: true)
            {
                MinValue = 0,
                MaxValue = PauseStore.MaxDays,
            },
        ],
    };

    public static CommandDescriptor Cap { get; } = new("cap", "Daily limits on reviews and new cards (0 removes a limit).")
    {
        Options =
        [
            new CommandOption(ReviewsOption, "Most reviews a day (0: no limit).", CommandOptionType.WholeNumber) { MinValue = 0, MaxValue = MaxCap },
            new CommandOption(NewOption, "Most new cards a day (0: no limit).", CommandOptionType.WholeNumber) { MinValue = 0, MaxValue = MaxCap },
        ],
    };

    public static CommandDescriptor Forget { get; } = new("forget", "Delete everything PrepBot stores about you (asks first).");

    /// <summary>Declared last: it lists the sub-commands above, which must be initialised first.</summary>
    public static CommandDescriptor Group { get; } =
        new(Name, "Your settings: time zone, reminder, pause, daily caps; or delete your data.")
        {
            // Other features add their /me sub-commands (e.g. /me leaderboard) with AddCommand(…, parent: Name).
            Subcommands =
            [
                Show,
                TimeZone,
                Reminder,
                Pause,
                Cap,
                Forget,
            ],
        };
}
