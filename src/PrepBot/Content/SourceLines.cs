namespace PrepBot.Content;

/// <summary>Maps character offsets of a (LF-normalised) text to 1-based line numbers and back.</summary>
internal sealed class SourceLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public SourceLines(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length)
            {
                _starts.Add(i + 1);
            }
        }
    }

    /// <summary>Number of lines; a final newline does not start another line.</summary>
    public int Count => _starts.Count;

    /// <summary>1-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Offset where 1-based <paramref name="line"/> starts; the text length past the last line.</summary>
    public int StartOf(int line) => line <= Count ? _starts[line - 1] : _text.Length;

    /// <summary>The text of 1-based <paramref name="line"/>, without its newline.</summary>
    public string this[int line]
    {
        get
        {
            var start = StartOf(line);
            var end = _text.IndexOf('\n', start);
            return end < 0 ? _text[start..] : _text[start..end];
        }
    }
}
