using System.Globalization;
using Microsoft.Extensions.Options;

namespace PrepBot.Features.Reminders;

/// <summary>Daily review reminders by DM (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>
    /// Local time of the reminder for learners who never chose one (<c>HH:mm</c>), or <c>off</c> so that only learners who
    /// ran <c>/me reminder</c> get reminders.
    /// </summary>
    public string DefaultTime { get; set; } = "18:00";

    /// <summary>
    /// After Discord refused a DM because the learner does not accept DMs (50007), reminders stop until the learner next
    /// answers a card or changes a setting with <c>/me</c>, or until this many days have passed.
    /// </summary>
    public int RetryClosedDmsAfterDays { get; set; } = 7;

    /// <summary>DMs in flight at once; the REST client's rate limiter paces them (Discord allows 50 requests a second).</summary>
    public int MaxConcurrentSends { get; set; } = 10;

    /// <summary>How often the reminder job looks for learners whose reminder time has come.</summary>
    public int CheckEveryMinutes { get; set; } = 1;

    /// <summary><see cref="DefaultTime"/> parsed: null when it is <c>off</c>.</summary>
    public TimeOnly? DefaultReminderTime => ReminderTimes.TryParse(DefaultTime, out var time, out _) ? time : null;
}

/// <summary>Stops the host at start when a <c>Reminders</c> setting is invalid; each message names its key.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (!ReminderTimes.TryParse(options.DefaultTime, out _, out var error))
        {
            failures.Add($"{ReminderOptions.SectionName}:{nameof(ReminderOptions.DefaultTime)}: {error}");
        }

        Check(nameof(ReminderOptions.RetryClosedDmsAfterDays), options.RetryClosedDmsAfterDays, 1, 365);
        Check(nameof(ReminderOptions.MaxConcurrentSends), options.MaxConcurrentSends, 1, 50);
        Check(nameof(ReminderOptions.CheckEveryMinutes), options.CheckEveryMinutes, 1, 60);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{ReminderOptions.SectionName}:{key}: must be from {min} to {max} (got {value})"));
            }
        }
    }
}

/// <summary>Reminder times as learners and settings write them: <c>HH:mm</c> (24-hour) or <c>off</c>.</summary>
public static class ReminderTimes
{
    public const string Off = "off";

    /// <summary>
    /// Parses <c>HH:mm</c> (also <c>H:mm</c>) or <c>off</c> (time null). On failure <paramref name="error"/> says what is
    /// wrong and what to write instead.
    /// </summary>
    public static bool TryParse(string? text, out TimeOnly? time, out string? error)
    {
        time = null;
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (string.Equals(trimmed, Off, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = $"`{trimmed}` is not a time: write 24-hour `HH:mm` from 00:00 to 23:59 (e.g. `18:30`), or `off`.";
        return false;
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
