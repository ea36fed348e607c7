using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Rendering;

namespace PrepBot.Terminal;

/// <summary>
/// How the terminal prints reply text: Markdown as plain text, then mentions as <c>@name</c>, channels as
/// <c>#name</c> and times as clock times in the learner's zone (<see cref="ReplyText"/>).
/// </summary>
public static class TerminalText
{
    /// <summary>Plain text for <paramref name="markdown"/>, its values shown for a reader in <paramref name="zone"/>.</summary>
    public static string Render(string markdown, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ReplyText.Expand(MarkdownRenderer.ToPlainText(markdown), value => Text(value, zone));
    }

    /// <summary>One value as the terminal shows it.</summary>
    public static string Text(ReplyValue value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return value switch
        {
            MentionValue mention => "@" + (mention.DisplayName ?? mention.UserId),
            ChannelValue channel => "#" + (channel.Name ?? channel.ChannelId),
            TimeValue time => Time(TimeZoneInfo.ConvertTime(time.At, zone), time.Style),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown reply value."),
        };
    }

    private static string Time(DateTimeOffset local, TimeStyle style) => style switch
    {
        TimeStyle.ShortTime => Format(local, "HH:mm"),
        TimeStyle.LongTime => Format(local, "HH:mm:ss"),
        TimeStyle.ShortDateTime => Format(local, "yyyy-MM-dd HH:mm"),
        TimeStyle.LongDateTime => Format(local, "dddd yyyy-MM-dd HH:mm"),
        TimeStyle.Deadline => "until " + Format(local, "HH:mm:ss"),
        _ => "at " + Format(local, "yyyy-MM-dd HH:mm"),
    };

    private static string Format(DateTimeOffset local, string format) => local.ToString(format, CultureInfo.InvariantCulture);
}
