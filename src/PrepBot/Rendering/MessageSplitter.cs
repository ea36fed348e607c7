namespace PrepBot.Rendering;

/// <summary>
/// Splits rendered Discord Markdown into chunks that each fit a length limit, cutting between
/// blocks where it can, else between lines, else (one overlong line) at a space or anywhere.
/// A code block, inline code span or spoiler that a cut goes through is closed at the end of one
/// chunk and reopened at the start of the next, within the limit.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Most characters in a Discord message's content.</summary>
    public const int DiscordMessageLimit = 2000;

    /// <summary>Most characters in a Discord embed's description.</summary>
    public const int DiscordEmbedDescriptionLimit = 4096;

    /// <summary>Smallest limit accepted: room to close and reopen a spoilered code block around some text.</summary>
    public const int MinimumLimit = 64;

    /// <summary>
    /// The chunks of <paramref name="text"/>, in order, each at most <paramref name="limit"/> UTF-16
    /// code units long, none empty or only whitespace. Line endings become <c>\n</c>; whitespace at
    /// a cut is dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below <see cref="MinimumLimit"/>.</exception>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, MinimumLimit);
        text = text.ReplaceLineEndings("\n");
        var scan = new MarkupScan(text);
        var chunks = new List<string>();
        for (var start = SkipWhitespace(text, 0); start < text.Length && scan.HasText(start, text.Length);)
        {
            var end = FindCut(text, scan, start, limit);
            if (end < 0)
            {
                end = RawCut(scan, start, limit, text.Length);
                chunks.Add(text[start..ContentEnd(text, start, end)]);
            }
            else
            {
                chunks.Add(Chunk(text, scan, start, end));
            }

            start = SkipWhitespace(text, end);
        }

        return chunks;
    }

    /// <summary>Where the chunk starting at <paramref name="start"/> should end, or -1 when no cut fits.</summary>
    private static int FindCut(string text, MarkupScan scan, int start, int limit)
    {
        if (Length(text, scan, start, text.Length) <= limit)
        {
            return text.Length;
        }

        var last = Math.Min(text.Length, start + limit);
        bool Fits(int end) => scan.HasText(start, end) && scan.CanCut(end) && Length(text, scan, start, end) <= limit;
        bool IsLineStart(int end) => text[end - 1] == '\n';
        bool FollowsBlankLine(int end) => IsLineStart(end) && IsBlankLineBefore(text, end - 1);

        Func<int, bool>[] preferences =
        [
            end => FollowsBlankLine(end) && scan.At(end).Fence is null,
            IsLineStart,
            end => char.IsWhiteSpace(text[end - 1]),
            _ => true,
        ];
        foreach (var preferred in preferences)
        {
            for (var end = last; end > start; end--)
            {
                if (preferred(end) && Fits(end))
                {
                    return end;
                }
            }
        }

        return -1;
    }

    /// <summary>Length of <see cref="Chunk"/> without building it.</summary>
    private static int Length(string text, MarkupScan scan, int start, int end)
    {
        var contentEnd = ContentEnd(text, start, end);
        var close = Close(text, scan, contentEnd, end);
        return scan.At(start).Reopen().Length + (contentEnd - start) + close.Length;
    }

    private static string Chunk(string text, MarkupScan scan, int start, int end)
    {
        var contentEnd = ContentEnd(text, start, end);
        return scan.At(start).Reopen() + text[start..contentEnd] + Close(text, scan, contentEnd, end);
    }

    /// <summary>The markup to close at a cut; a spoiler marker is kept off a trailing <c>|</c> or <c>\</c>, which would eat it.</summary>
    private static string Close(string text, MarkupScan scan, int contentEnd, int end)
    {
        if (end == text.Length)
        {
            return "";
        }

        var close = scan.At(end).Close();
        return close.StartsWith('|') && contentEnd > 0 && text[contentEnd - 1] is '|' or '\\' ? " " + close : close;
    }

    /// <summary>Last resort when no cut fits (a limit too small for the markup to reopen): a plain cut.</summary>
    private static int RawCut(MarkupScan scan, int start, int limit, int length)
    {
        var end = Math.Min(length, start + limit);
        while (end > start + 1 && end < length && !scan.CanCut(end))
        {
            end--;
        }

        return end;
    }

    /// <summary>True when the line ending with the newline at <paramref name="newline"/> holds only whitespace.</summary>
    private static bool IsBlankLineBefore(string text, int newline)
    {
        var position = newline - 1;
        while (position >= 0 && text[position] is ' ' or '\t')
        {
            position--;
        }

        return position < 0 || text[position] == '\n';
    }

    private static int ContentEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Skips the whitespace after a cut, keeping the indentation of a line that follows.</summary>
    private static int SkipWhitespace(string text, int position)
    {
        var lineStart = position;
        var sawNewline = false;
        var next = position;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            if (text[next] == '\n')
            {
                sawNewline = true;
                lineStart = next + 1;
            }

            next++;
        }

        var atLineStart = sawNewline || position == 0 || text[position - 1] == '\n';
        return next == text.Length || !atLineStart ? next : lineStart;
    }
}
