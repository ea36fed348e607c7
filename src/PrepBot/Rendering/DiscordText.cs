using System.Text;

namespace PrepBot.Rendering;

/// <summary>The quoting rules of Discord's Markdown dialect, shared by the renderer.</summary>
internal static class DiscordText
{
    /// <summary>Invisible in Discord; splits a marker (<c>```</c>, <c>||</c>) that must not be read as one.</summary>
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Characters Discord reads as formatting wherever they stand.</summary>
    private const string AlwaysEscaped = "\\*_~`|[]";

    /// <summary>Escapes literal text so Discord shows it exactly as written.</summary>
    /// <param name="text">Text without line breaks.</param>
    /// <param name="atLineStart">True when the text begins a line, where <c>&gt;</c>, <c>#</c>, <c>-#</c>, <c>- </c> and <c>1. </c> start a block.</param>
    public static string Escape(string text, bool atLineStart)
    {
        var lineStartEscape = atLineStart ? LineStartEscapeIndex(text) : -1;
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (i == lineStartEscape || AlwaysEscaped.Contains(text[i], StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>An inline code span whose backtick fence is longer than any backtick run inside it.</summary>
    public static string InlineCode(string code)
    {
        var fence = new string('`', LongestRun(code, '`') + 1);
        var padding = code.StartsWith('`') || code.EndsWith('`') ? " " : "";
        return fence + padding + code + padding + fence;
    }

    /// <summary>
    /// A fenced code block. Discord ends a block at the first <c>```</c> whatever the fence length,
    /// so backtick runs inside the code are split with a zero-width space.
    /// </summary>
    public static string CodeBlock(string code, string language) =>
        "```" + language + "\n" + (code.Contains("```", StringComparison.Ordinal) ? SeparateRuns(code, '`') : code) + "\n```";

    /// <summary>The first word of a fence's info string if Discord accepts it as a language, else empty.</summary>
    public static string Language(string? info)
    {
        var word = (info ?? "").Trim().Split(' ', 2)[0];
        return word.All(c => char.IsAsciiLetterOrDigit(c) || "_+-.#".Contains(c, StringComparison.Ordinal)) ? word : "";
    }

    /// <summary>Wraps text in spoiler markers; a trailing <c>|</c> or <c>\</c> is kept off the closing marker.</summary>
    public static string Spoiler(string text) =>
        string.IsNullOrWhiteSpace(text) ? text : "||" + text + (text.EndsWith('|') || text.EndsWith('\\') ? " " : "") + "||";

    /// <summary>Splits every <c>||</c> in code (where escapes do not work) so it cannot end a spoiler.</summary>
    public static string DisarmSpoilerMarkers(string code) => SeparateRuns(code, '|');

    /// <summary>Percent-encodes the characters that would end a masked link or an autolink early.</summary>
    public static string SafeUrl(string url) => url
        .Replace(" ", "%20", StringComparison.Ordinal)
        .Replace("(", "%28", StringComparison.Ordinal)
        .Replace(")", "%29", StringComparison.Ordinal)
        .Replace("<", "%3C", StringComparison.Ordinal)
        .Replace(">", "%3E", StringComparison.Ordinal)
        .Replace("|", "%7C", StringComparison.Ordinal);

    /// <summary>Discord only draws masked links and autolinks for web addresses.</summary>
    public static bool IsWebUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Index of the character to escape so a line-start construct stays literal, or -1.</summary>
    private static int LineStartEscapeIndex(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i == text.Length)
        {
            return -1;
        }

        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        switch (text[i])
        {
            case '>' or '#':
            case '-' when next is ' ' or '#':
            case '+' when next == ' ':
                return i;
        }

        var end = i;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var orderedListMarker = end > i && end < text.Length && text[end] == '.' && (end + 1 == text.Length || text[end + 1] == ' ');
        return orderedListMarker ? end : -1;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    private static string SeparateRuns(string text, char c)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(text[i]);
            if (text[i] == c && i + 1 < text.Length && text[i + 1] == c)
            {
                builder.Append(ZeroWidthSpace);
            }
        }

        return builder.ToString();
    }
}
