using PrepBot.Conversation;

namespace PrepBot.Tests.Conversation;

public sealed class ReplyTextTests
{
    [Fact]
    public void Each_value_comes_back_as_it_was_written()
    {
        var at = new DateTimeOffset(2026, 3, 2, 18, 2, 0, TimeSpan.Zero);
        var text = $"{ReplyText.Mention("7", "Zoë `x`")} in {ReplyText.Channel("9")} at {ReplyText.Time(at, TimeStyle.Deadline)}";
        var seen = new List<ReplyValue>();

        var expanded = ReplyText.Expand(text, value =>
        {
            seen.Add(value);
            return "·";
        });

        Assert.Equal("· in · at ·", expanded);
        Assert.Equal([new MentionValue("7", "Zoë `x`"), new ChannelValue("9", null), new TimeValue(at, TimeStyle.Deadline)], seen);
    }

    [Fact]
    public void Text_without_whole_tokens_is_left_as_it_is()
    {
        const string text = "Plain <@123> text \uE000 with a stray opener";

        Assert.Equal(text, ReplyText.Expand(text, _ => "never"));
    }
}
