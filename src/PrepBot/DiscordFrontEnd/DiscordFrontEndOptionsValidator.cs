using Microsoft.Extensions.Options;
using PrepBot.Learning;

namespace PrepBot.DiscordFrontEnd;

internal sealed class DiscordFrontEndOptionsValidator : IValidateOptions<DiscordFrontEndOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordFrontEndOptions options)
    {
        var failures = new List<string>();
        if (StudyCalendar.FindZone(options.DefaultTimeZone) is null)
        {
            failures.Add($"Discord:DefaultTimeZone: '{options.DefaultTimeZone}' is not a time zone this machine knows (use an IANA id such as Europe/Berlin).");
        }

        if (options.AnswerDirectlyWithinMilliseconds is < 100 or > 2500)
        {
            failures.Add($"Discord:AnswerDirectlyWithinMilliseconds: {options.AnswerDirectlyWithinMilliseconds} is outside 100–2500 (Discord allows 3 s for the first answer).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
