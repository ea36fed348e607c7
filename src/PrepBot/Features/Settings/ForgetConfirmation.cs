using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Features.Settings;

/// <summary>
/// The custom id of <c>/me forget</c>'s confirm button: <c>me:forget:&lt;learner id&gt;:&lt;enrolled at, Unix ms&gt;:&lt;asked at, Unix s&gt;</c>.
/// The enrolment time ties it to this learner row (a row id can be reused after a delete); the asked time lets it expire.
/// </summary>
public sealed record ForgetConfirmation(long LearnerId, long EnrolledAtMs, long AskedAtSeconds)
{
    public const string Prefix = "me:";
    public const string ForgetPrefix = "me:forget:";
    public const string Cancel = "me:keep";

    /// <summary>How long the confirm button works.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(15);

    public string Format() => CustomId.Build(
        ForgetPrefix,
        LearnerId.ToString(CultureInfo.InvariantCulture),
        EnrolledAtMs.ToString(CultureInfo.InvariantCulture),
        AskedAtSeconds.ToString(CultureInfo.InvariantCulture));

    public static bool TryParse(string customId, [NotNullWhen(true)] out ForgetConfirmation? confirmation)
    {
        confirmation = null;
        if (!CustomId.TryParse(customId, ForgetPrefix, 3, out var parts) || !All(parts, out var numbers))
        {
            return false;
        }

        confirmation = new ForgetConfirmation(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    private static bool All(string[] parts, out long[] numbers)
    {
        numbers = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is 0 or > 19 || !parts[i].All(char.IsAsciiDigit)
                || !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        return true;
    }
}
