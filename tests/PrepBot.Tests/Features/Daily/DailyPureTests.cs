using PrepBot.Content;
using PrepBot.Features.Daily;

namespace PrepBot.Tests.Features.Daily;

/// <summary>The post instant on ordinary and DST days, the weekday mix and the daily custom ids.</summary>
public sealed class DailyPureTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void On_an_ordinary_day_the_post_is_at_the_local_time()
    {
        var at = DailySchedule.PostInstant(new DateOnly(2026, 3, 2), new TimeOnly(9, 0), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void A_post_time_skipped_by_the_spring_forward_moves_forward_by_the_gap()
    {
        // 29 March 2026: Berlin's clocks jump from 02:00 to 03:00, so 02:30 does not exist; 03:30 CEST is 01:30 UTC.
        var at = DailySchedule.PostInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), at);
        Assert.Equal(new DateOnly(2026, 3, 29), DailySchedule.LocalDate(at, Berlin));
    }

    [Fact]
    public void A_post_time_repeated_by_the_fall_back_is_its_first_occurrence()
    {
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens at 00:30 and 01:30 UTC.
        var at = DailySchedule.PostInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void Across_both_DST_changes_every_local_day_has_exactly_one_post_instant_24_hours_or_so_apart()
    {
        var days = Enumerable.Range(0, 240).Select(i => new DateOnly(2026, 3, 1).AddDays(i)).ToList();

        var instants = days.Select(d => DailySchedule.PostInstant(d, new TimeOnly(2, 30), Berlin)).ToList();

        Assert.Equal(days, instants.Select(i => DailySchedule.LocalDate(i, Berlin)));
        Assert.All(instants.Zip(instants.Skip(1)), pair => Assert.InRange((pair.Second - pair.First).TotalHours, 23, 25));
    }

    [Fact]
    public void The_default_mix_asks_sql_concept_design_sql_behavioral_concept_sql()
    {
        var mix = DailyMix.Default;

        Assert.Equal("sql,concept,design,sql,behavioral,concept,sql", mix.Format());
        Assert.Equal(CardKind.Design, mix.On(DayOfWeek.Wednesday));
        Assert.Equal(CardKind.Sql, mix.On(DayOfWeek.Sunday));
    }

    [Fact]
    public void Setting_a_day_changes_that_day_only_and_off_means_no_question()
    {
        var mix = DailyMix.Default.With("fri", "off").With("sat", "design");

        Assert.Null(mix.On(DayOfWeek.Friday));
        Assert.Equal(CardKind.Design, mix.On(DayOfWeek.Saturday));
        Assert.Equal("Mon SQL · Tue concept · Wed design · Thu SQL · Fri off · Sat design · Sun SQL", mix.Describe());
        Assert.Equal(mix, DailyMix.Parse(mix.Format()), DailyMixComparer.Instance);
    }

    [Fact]
    public void A_damaged_stored_mix_falls_back_to_the_default_day_by_day()
    {
        var mix = DailyMix.Parse("design,nonsense");

        Assert.Equal(CardKind.Design, mix.On(DayOfWeek.Monday));
        Assert.Equal(CardKind.Concept, mix.On(DayOfWeek.Tuesday));
        Assert.Equal(CardKind.Sql, mix.On(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData(DailyAction.Choose, "daily:c:42")]
    [InlineData(DailyAction.Reveal, "daily:r:42")]
    [InlineData(DailyAction.Write, "daily:w:42")]
    [InlineData(DailyAction.Show, "daily:s:42")]
    public void A_daily_custom_id_round_trips(DailyAction action, string customId)
    {
        Assert.Equal(customId, new DailyToken(action, 42).Format());
        Assert.True(DailyToken.TryParse(customId, out var token));
        Assert.Equal(new DailyToken(action, 42), token);
    }

    [Theory]
    [InlineData("daily:x:42")]
    [InlineData("daily:r:")]
    [InlineData("daily:r:-1")]
    [InlineData("daily:r:0")]
    [InlineData("daily:r:42:extra")]
    [InlineData("daily:r:4a")]
    [InlineData("daily:r:99999999999999999999")]
    [InlineData("study:r:42")]
    public void A_malformed_daily_custom_id_is_not_parsed(string customId)
    {
        Assert.False(DailyToken.TryParse(customId, out _));
    }

    private sealed class DailyMixComparer : IEqualityComparer<DailyMix>
    {
        public static DailyMixComparer Instance { get; } = new();

        public bool Equals(DailyMix? x, DailyMix? y) => x?.Format() == y?.Format();

        public int GetHashCode(DailyMix obj) => obj.Format().GetHashCode(StringComparison.Ordinal);
    }
}
