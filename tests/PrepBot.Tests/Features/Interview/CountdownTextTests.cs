using PrepBot.Features.Interview;
using PrepBot.Learning;

namespace PrepBot.Tests.Features.Interview;

/// <summary>The countdown's wording for the reminder DM, and when the countdown runs.</summary>
public sealed class CountdownTextTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Countdown On(int daysLeft, string? title = "Data engineer, Acme") =>
        new(new InterviewDate(Today.AddDays(daysLeft), title), Today, TimeZoneInfo.Utc);

    [Theory]
    [InlineData(12, "🎯 12 days left until your interview (Data engineer, Acme).")]
    [InlineData(1, "🎯 1 day left: your interview (Data engineer, Acme) is tomorrow.")]
    [InlineData(0, "🎯 Today is your interview (Data engineer, Acme). Good luck!")]
    public void The_reminder_line_says_the_days_left(int daysLeft, string line) =>
        Assert.Equal(line, CountdownText.Reminder(On(daysLeft)));

    [Fact]
    public void Without_a_title_the_reminder_line_says_your_interview() =>
        Assert.Equal("🎯 3 days left until your interview.", CountdownText.Reminder(On(3, title: null)));

    [Theory]
    [InlineData(15, false)]
    [InlineData(14, true)]
    [InlineData(0, true)]
    public void The_final_stretch_is_the_last_14_days_and_the_day_itself(int daysLeft, bool inFinalStretch) =>
        Assert.Equal(inFinalStretch, On(daysLeft).InFinalStretch);

    [Fact]
    public void The_countdown_stops_once_the_day_has_passed()
    {
        var interview = new InterviewDate(Today, null);

        Assert.NotNull(Countdown.Of(interview, TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero)));
        Assert.Null(Countdown.Of(interview, TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 3, 4, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Recall_is_predicted_for_noon_on_the_day_in_the_learners_zone()
    {
        var tokyo = StudyCalendar.FindZone("Asia/Tokyo")!;
        var countdown = new Countdown(new InterviewDate(new DateOnly(2026, 3, 12), null), Today, tokyo);

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 3, 0, 0, TimeSpan.Zero), countdown.InterviewAt);
    }
}
