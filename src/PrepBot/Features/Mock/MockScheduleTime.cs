using System.Globalization;

namespace PrepBot.Features.Mock;

/// <summary>
/// Reads <c>/mock schedule time:</c> in the learner's own time zone: <c>HH:MM</c> (the next time the clock shows it,
/// today or tomorrow) or <c>YYYY-MM-DD HH:MM</c>. It must lie in the future and at most 30 days ahead.
/// </summary>
public static class MockScheduleTime
{
    public const int MaxDaysAhead = 30;

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-ddTHH:mm"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    public static bool TryParse(string? text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset startsAt, out string error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        startsAt = default;
        error = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        DateTime local;
        if (DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            local = full;
        }
        else if (TimeOnly.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            local = localNow.Date + clock.ToTimeSpan();
            if (local <= localNow.DateTime)
            {
                local = local.AddDays(1);
            }
        }
        else
        {
            error = $"`time` must be `HH:MM` (e.g. `18:30`, the next time it comes round) or `YYYY-MM-DD HH:MM`, in your time zone ({zone.Id}); got '{Shorten(trimmed)}'.";
            return false;
        }

        if (zone.IsInvalidTime(local))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it); pick another time.");
            return false;
        }

        startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
        if (startsAt <= now)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} ({zone.Id}) has already passed; pick a time in the future.");
            return false;
        }

        if (startsAt > now.AddDays(MaxDaysAhead))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} is more than {MaxDaysAhead} days ahead; schedule sessions at most {MaxDaysAhead} days out.");
            return false;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
