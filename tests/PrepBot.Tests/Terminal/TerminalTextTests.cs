using PrepBot.Conversation;
using PrepBot.Terminal;

namespace PrepBot.Tests.Terminal;

public sealed class TerminalTextTests
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 2, 18, 2, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void A_mention_prints_the_display_name()
    {
        var text = TerminalText.Render($"Started by {ReplyText.Mention("1300000000000000011", "Ada_*")}.", TimeZoneInfo.Utc);

        Assert.Equal("Started by @Ada_*.", text);
    }

    [Fact]
    public void A_mention_without_a_name_prints_the_user_id()
    {
        var text = TerminalText.Render($"Last changed by {ReplyText.Mention("ada")}", TimeZoneInfo.Utc);

        Assert.Equal("Last changed by @ada", text);
    }

    [Fact]
    public void A_channel_prints_its_name_or_else_its_id()
    {
        var text = TerminalText.Render($"{ReplyText.Channel("1200000000000000001", "daily")} and {ReplyText.Channel("1200000000000000002")}", TimeZoneInfo.Utc);

        Assert.Equal("#daily and #1200000000000000002", text);
    }

    [Theory]
    [InlineData(TimeStyle.ShortTime, "19:02")]
    [InlineData(TimeStyle.LongTime, "19:02:00")]
    [InlineData(TimeStyle.ShortDateTime, "2026-03-02 19:02")]
    [InlineData(TimeStyle.LongDateTime, "Monday 2026-03-02 19:02")]
    [InlineData(TimeStyle.Relative, "at 2026-03-02 19:02")]
    [InlineData(TimeStyle.Deadline, "until 19:02:00")]
    public void A_time_prints_as_local_time_in_the_learners_zone(TimeStyle style, string expected)
    {
        var text = TerminalText.Render($"**Timer**: {ReplyText.Time(Instant, style)}.", Berlin);

        Assert.Equal($"Timer: {expected}.", text);
    }
}
