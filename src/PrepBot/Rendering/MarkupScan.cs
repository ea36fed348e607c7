namespace PrepBot.Rendering;

/// <summary>
/// One pass over Discord Markdown that records, for every position, which markup is open there
/// (code fences, inline code, spoilers) and whether a message may be cut there. A cut never falls
/// inside a marker, an escape or a surrogate pair, just after an opening marker or just before a
/// closing one (which would leave an empty code block or spoiler behind).
/// </summary>
internal sealed class MarkupScan
{
    private readonly string _text;
    private readonly OpenMarkup[] _states;
    private readonly bool[] _insideToken;
    private readonly int[] _textCount;
    private readonly int[] _lastTextEnd;
    private readonly int[] _lastOpenerEnd;
    private readonly int[] _nextTextStart;
    private readonly int[] _nextCloserStart;

    public MarkupScan(string text)
    {
        _text = text;
        var length = text.Length;
        _states = new OpenMarkup[length + 1];
        _insideToken = new bool[length + 1];
        _textCount = new int[length + 1];
        _lastTextEnd = new int[length + 1];
        _lastOpenerEnd = new int[length + 1];
        _nextTextStart = new int[length + 1];
        _nextCloserStart = new int[length + 1];
        var textStarts = new bool[length + 1];
        var closerStarts = new bool[length + 1];

        var state = new OpenMarkup(false, null, "", 0);
        int count = 0, textEnd = 0, openerEnd = -1;
        for (var start = 0; start < length;)
        {
            var (end, next, isText) = NextToken(start, state);
            for (var position = start; position < end; position++)
            {
                _states[position] = state;
                _insideToken[position] = position > start;
                _textCount[position] = count;
                _lastTextEnd[position] = textEnd;
                _lastOpenerEnd[position] = openerEnd;
            }

            if (isText)
            {
                count++;
                textEnd = end;
                textStarts[start] = true;
            }
            else if (state.IsOpenedBy(next))
            {
                openerEnd = end;
            }
            else if (next.IsOpenedBy(state))
            {
                closerStarts[start] = true;
            }

            state = next;
            start = end;
        }

        _states[length] = state;
        _textCount[length] = count;
        _lastTextEnd[length] = textEnd;
        _lastOpenerEnd[length] = openerEnd;
        int nextText = length, nextCloser = length;
        for (var position = length; position >= 0; position--)
        {
            nextText = textStarts[position] ? position : nextText;
            nextCloser = closerStarts[position] ? position : nextCloser;
            _nextTextStart[position] = nextText;
            _nextCloserStart[position] = nextCloser;
        }
    }

    /// <summary>The markup open just before <paramref name="position"/>.</summary>
    public OpenMarkup At(int position) => _states[position];

    /// <summary>True when some visible character (not markup, not whitespace) lies in [start, end).</summary>
    public bool HasText(int start, int end) => _textCount[end] > _textCount[start];

    /// <summary>True when a message may end at <paramref name="position"/> and the next one start there.</summary>
    public bool CanCut(int position) =>
        !_insideToken[position]
        && _lastOpenerEnd[position] <= _lastTextEnd[position]
        && (_nextTextStart[position] == _text.Length || _nextCloserStart[position] > _nextTextStart[position]);

    /// <summary>The token starting at <paramref name="start"/>: where it ends, the markup open after it, and whether it is visible text.</summary>
    private (int End, OpenMarkup Next, bool IsText) NextToken(int start, OpenMarkup state)
    {
        var c = _text[start];
        var single = start + (char.IsSurrogatePair(_text, start) ? 2 : 1);
        if (state.CodeTicks == 0 && (start == 0 || _text[start - 1] == '\n') && TryFenceLine(start, state, out var lineEnd, out var afterFence))
        {
            return (lineEnd, afterFence, false);
        }

        if (state.Fence is not null)
        {
            return (single, state, !char.IsWhiteSpace(c));
        }

        if (c == '`')
        {
            var run = RunLength(start, '`');
            if (state.CodeTicks == 0 && HasClosingRun(start + run, run))
            {
                return (start + run, state with { CodeTicks = run }, false);
            }

            return state.CodeTicks == run
                ? (start + run, state with { CodeTicks = 0 }, false)
                : (start + run, state, true);
        }

        if (state.CodeTicks > 0)
        {
            return (single, state, !char.IsWhiteSpace(c));
        }

        // Discord escapes any punctuation with a backslash.
        if (c == '\\' && start + 1 < _text.Length && !char.IsLetterOrDigit(_text[start + 1]) && !char.IsWhiteSpace(_text[start + 1]))
        {
            return (start + 2, state, true);
        }

        if (c == '|' && start + 1 < _text.Length && _text[start + 1] == '|')
        {
            return (start + 2, state with { Spoiler = !state.Spoiler }, false);
        }

        return (single, state, !char.IsWhiteSpace(c));
    }

    /// <summary>A line that opens or closes a fenced code block (after indentation or a quote bar); the token is the whole line.</summary>
    private bool TryFenceLine(int start, OpenMarkup state, out int lineEnd, out OpenMarkup after)
    {
        var newline = _text.IndexOf('\n', start);
        lineEnd = newline < 0 ? _text.Length : newline + 1;
        after = state;
        var fence = start;
        if (_text.AsSpan(fence).StartsWith("> "))
        {
            fence += 2;
        }

        while (fence < lineEnd && _text[fence] == ' ')
        {
            fence++;
        }

        if (!_text.AsSpan(fence).StartsWith("```"))
        {
            return false;
        }

        var info = _text[(fence + 3)..(newline < 0 ? _text.Length : newline)];
        if (state.Fence is not null)
        {
            after = state with { Fence = null, FenceIndent = "" };
            return true;
        }

        if (info.Contains("```", StringComparison.Ordinal))
        {
            return false; // a whole code block on one line
        }

        var indent = _text[start..fence];
        after = state with { Fence = indent + "```" + DiscordText.Language(info), FenceIndent = indent };
        return true;
    }

    /// <summary>True when a backtick run of exactly <paramref name="run"/> follows before the paragraph ends.</summary>
    private bool HasClosingRun(int from, int run)
    {
        for (var position = from; position < _text.Length;)
        {
            if (_text[position] == '\n' && position + 1 < _text.Length && _text[position + 1] == '\n')
            {
                return false;
            }

            if (_text[position] != '`')
            {
                position++;
                continue;
            }

            var length = RunLength(position, '`');
            if (length == run)
            {
                return true;
            }

            position += length;
        }

        return false;
    }

    private int RunLength(int start, char c)
    {
        var end = start;
        while (end < _text.Length && _text[end] == c)
        {
            end++;
        }

        return end - start;
    }
}
