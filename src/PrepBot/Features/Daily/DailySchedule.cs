namespace PrepBot.Features.Daily;

/// <summary>
/// When a server's daily question is due, in the server's time zone. A post time that a spring-forward skips (02:30 on
/// the night clocks jump from 02:00 to 03:00) moves forward by the gap (03:30); a time that a fall-back repeats
/// (02:30 twice) is its first occurrence. Either way there is exactly one instant per local day.
/// </summary>
public static class DailySchedule
{
    /// <summary>The instant the question of local day <paramref name="date"/> is due.</summary>
    public static DateTimeOffset PostInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // In the gap: read the wall-clock time with the offset in force before the jump, i.e. shifted by the gap.
            var before = zone.GetUtcOffset(local.AddHours(-12));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            // Repeated hour: the larger offset is the earlier instant.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max()).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The local calendar day of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
