using System.Globalization;
using System.Text;

namespace PrepBot.Conversation;

/// <summary>How a <see cref="ReplyText.Time"/> is shown.</summary>
public enum TimeStyle
{
    /// <summary>Hours and minutes (Discord <c>t</c>; terminal <c>18:02</c>).</summary>
    ShortTime,

    /// <summary>Hours, minutes and seconds (Discord <c>T</c>; terminal <c>18:02:00</c>).</summary>
    LongTime,

    /// <summary>Date and time (Discord <c>f</c>; terminal <c>2026-03-02 18:02</c>).</summary>
    ShortDateTime,

    /// <summary>Weekday, date and time (Discord <c>F</c>; terminal <c>Monday 2026-03-02 18:02</c>).</summary>
    LongDateTime,

    /// <summary>How far away it is (Discord <c>R</c>, a live "in 2 minutes"; the terminal, which has no live clock, <c>at 2026-03-02 18:02</c>).</summary>
    Relative,

    /// <summary>
    /// When something runs out, as a whole phrase: Discord <c>time is up &lt;t:…:R&gt;</c> (a live countdown), the
    /// terminal <c>until 18:02:00</c> (the local clock time).
    /// </summary>
    Deadline,
}

/// <summary>A value inside reply text that each front end shows its own way.</summary>
public abstract record ReplyValue;

/// <summary>A person: a ping-free mention on Discord, their name in the terminal.</summary>
/// <param name="UserId">The platform's user id.</param>
/// <param name="DisplayName">The name to show where mentions do not exist; null shows the id.</param>
public sealed record MentionValue(string UserId, string? DisplayName) : ReplyValue;

/// <summary>A channel or thread: a link on Discord, its name in the terminal.</summary>
/// <param name="ChannelId">The platform's channel id.</param>
/// <param name="Name">The name to show where links do not exist; null shows the id.</param>
public sealed record ChannelValue(string ChannelId, string? Name) : ReplyValue;

/// <summary>An instant: a timestamp each reader sees in their own zone on Discord, the learner's local time in the terminal.</summary>
public sealed record TimeValue(DateTimeOffset At, TimeStyle Style) : ReplyValue;

/// <summary>
/// Mentions, channels and times inside a <see cref="Reply"/>'s Markdown. A feature writes
/// <c>$"Started by {ReplyText.Mention(id, name)}"</c>; the text then holds a private token (Unicode private-use
/// characters around digits and hex, which Markdown leaves alone) that only a front end expands, after rendering the
/// Markdown: Discord into <c>&lt;@id&gt;</c>, <c>&lt;#id&gt;</c> and <c>&lt;t:unix:style&gt;</c>, the terminal into names
/// and local times. Use them in running text (<see cref="Reply.Markdown"/>, <see cref="Reply.Spoiler"/>), not in
/// code, tables, buttons or form labels, which are shown as they are.
/// </summary>
public static class ReplyText
{
    private const char Open = '\uE000';
    private const char Separator = '\uE001';
    private const char Close = '\uE002';

    /// <summary>A person, by platform id; <paramref name="displayName"/> is what a front end without mentions shows.</summary>
    public static string Mention(string userId, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return Token('m', Hex(userId), displayName is null ? string.Empty : Hex(displayName));
    }

    /// <summary>A channel or thread, by platform id; <paramref name="name"/> is what a front end without channel links shows.</summary>
    public static string Channel(string channelId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return Token('c', Hex(channelId), name is null ? string.Empty : Hex(name));
    }

    /// <summary>An instant, shown in <paramref name="style"/>.</summary>
    public static string Time(DateTimeOffset at, TimeStyle style) =>
        Token('t', at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ((int)style).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Replaces every token in <paramref name="text"/> with what <paramref name="render"/> makes of its value; anything
    /// that is not a whole token is left as it is.
    /// </summary>
    public static string Expand(string text, Func<ReplyValue, string> render)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(render);
        var start = text.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        while (start >= 0)
        {
            var end = text.IndexOf(Close, start + 1);
            if (end < 0)
            {
                break;
            }

            if (Parse(text.AsSpan(start + 1, end - start - 1)) is { } value)
            {
                result.Append(text, copied, start - copied).Append(render(value));
                copied = end + 1;
            }

            start = text.IndexOf(Open, end + 1);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private static string Token(char kind, string first, string second) =>
        string.Concat(Open.ToString(), kind.ToString(), first, Separator.ToString(), second, Close.ToString());

    private static ReplyValue? Parse(ReadOnlySpan<char> body)
    {
        var separator = body.IndexOf(Separator);
        if (body.Length < 2 || separator < 1)
        {
            return null;
        }

        var first = body[1..separator];
        var second = body[(separator + 1)..];
        try
        {
            return body[0] switch
            {
                'm' => new MentionValue(Unhex(first), second.IsEmpty ? null : Unhex(second)),
                'c' => new ChannelValue(Unhex(first), second.IsEmpty ? null : Unhex(second)),
                't' when long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unix)
                    && int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out var style)
                    && Enum.IsDefined((TimeStyle)style) => new TimeValue(DateTimeOffset.FromUnixTimeSeconds(unix), (TimeStyle)style),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Hex keeps names (which may hold *, _ or `) out of Markdown's reach until the front end puts them back.
    private static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));

    private static string Unhex(ReadOnlySpan<char> hex) => Encoding.UTF8.GetString(Convert.FromHexString(hex));
}
