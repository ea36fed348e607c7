using Microsoft.Extensions.Options;
using PrepBot.Learning;

namespace PrepBot.Terminal;

/// <summary>The local practice session (section <c>Practice</c>).</summary>
public sealed class PracticeOptions
{
    public const string SectionName = "Practice";

    /// <summary>Whose progress this is; empty means the operating-system user name.</summary>
    public string LearnerName { get; set; } = string.Empty;

    /// <summary>IANA time zone for "today" and streaks; empty means the machine's zone.</summary>
    public string TimeZone { get; set; } = string.Empty;

    public string EffectiveLearnerName => string.IsNullOrWhiteSpace(LearnerName)
        ? (string.IsNullOrWhiteSpace(Environment.UserName) ? "learner" : Environment.UserName)
        : LearnerName.Trim();

    public string EffectiveTimeZone => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local.Id : TimeZone.Trim();
}

internal sealed class PracticeOptionsValidator : IValidateOptions<PracticeOptions>
{
    public ValidateOptionsResult Validate(string? name, PracticeOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && StudyCalendar.FindZone(options.TimeZone.Trim()) is null)
        {
            failures.Add($"Practice:TimeZone: '{options.TimeZone}' is not a known time zone; use an IANA id such as Europe/Berlin or America/New_York.");
        }

        if (options.EffectiveLearnerName.Length > 64)
        {
            failures.Add("Practice:LearnerName: at most 64 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
