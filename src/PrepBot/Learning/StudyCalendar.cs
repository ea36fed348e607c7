namespace PrepBot.Learning;

/// <summary>
/// A learner's study day runs from 04:00 to 04:00 local time, so a review at 00:30 still belongs to the
/// evening's session (and its streak) and a card graded "tomorrow" is not due ten minutes later.
/// Due dates, "due today" and streaks all use this calendar.
/// </summary>
public static class StudyCalendar
{
    public static TimeSpan DayStartsAt { get; } = TimeSpan.FromHours(4);

    public static DateOnly StudyDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return DateOnly.FromDateTime(local - DayStartsAt);
    }

    /// <summary>The instant a study day begins in the zone (04:00 local, or the first valid minute after it on a DST gap).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.FromTimeSpan(DayStartsAt), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>When a card graded now with this interval is next due: the start of the study day that many days on.</summary>
    public static DateTimeOffset DueAfter(DateTimeOffset now, int intervalDays, TimeZoneInfo zone) =>
        StartOf(StudyDay(now, zone).AddDays(intervalDays), zone);

    /// <summary>An IANA (or Windows) zone id, or null when the id is unknown.</summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
