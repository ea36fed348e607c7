namespace PrepBot.Content;

/// <summary>What the front matter of a card file says, with each value already checked.</summary>
internal sealed class FrontMatter
{
    /// <summary>The file opens a front matter it never closes; the body cannot be told apart from it.</summary>
    public bool Unclosed { get; init; }

    /// <summary>Offset where the Markdown body starts (0 when there is no front matter).</summary>
    public int BodyStart { get; init; }

    /// <summary>1-based line of the closing <c>---</c> (0 when there is none).</summary>
    public int ClosingLine { get; init; }

    public Dictionary<string, int> KeyLines { get; } = new(StringComparer.Ordinal);

    public string? Id { get; set; }

    public CardKind? Kind { get; set; }

    public string? Topic { get; set; }

    public int? Week { get; set; }

    public Difficulty? Difficulty { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    public string? Title { get; set; }

    public string? Dataset { get; set; }

    public bool Retired { get; set; }

    public bool Ordered { get; set; }

    public bool ColumnNames { get; set; }

    public bool CaseInsensitive { get; set; }
}
