namespace PrepBot.Content;

/// <summary>The four kinds of card; each lives under <c>content/&lt;kind&gt;/</c>.</summary>
public enum CardKind
{
    Sql,
    Concept,
    Design,
    Behavioral,
}

public enum Difficulty
{
    Easy,
    Medium,
    Hard,
}

/// <summary>A <c>## Heading</c> of a card's body and the Markdown below it (up to the next <c>##</c>).</summary>
/// <param name="Name">The heading text as written, e.g. <c>Reference answer</c>.</param>
/// <param name="Markdown">The section's Markdown source, trimmed, without its heading.</param>
/// <param name="Line">1-based line of the heading in the card file.</param>
public sealed record CardSection(string Name, string Markdown, int Line);

/// <summary>A query written in a sql card: the text of a <c>```sql</c> block and where it starts.</summary>
/// <param name="Sql">The code block's content.</param>
/// <param name="Line">1-based line of the block's opening fence in the card file.</param>
public sealed record SqlQuery(string Sql, int Line);

/// <summary>One option of a multiple-choice concept card (<c>- [x]</c> marks a right one) and the line it starts on (0 when not read from a file).</summary>
public sealed record CardChoice(string Markdown, bool IsCorrect, int Line = 0);

/// <summary>A card as loaded from one Markdown file: validated front matter plus body sections.</summary>
public sealed record Card
{
    /// <summary>Stable, unique id (lowercase letters, digits and dashes). Learners' history hangs on it.</summary>
    public required string Id { get; init; }

    public required CardKind Kind { get; init; }

    public required string Topic { get; init; }

    /// <summary>Week of the 16-week plan, 1–16.</summary>
    public required int Week { get; init; }

    public required Difficulty Difficulty { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Optional short title (front matter <c>title</c>, or a leading <c># Heading</c>).</summary>
    public string? Title { get; init; }

    /// <summary>SQL cards: the dataset the question runs against (<c>content/datasets/&lt;name&gt;.sql</c>).</summary>
    public string? Dataset { get; init; }

    /// <summary>SQL cards: row order matters when grading (front matter <c>ordered: true</c>); otherwise rows compare as a multiset.</summary>
    public bool Ordered { get; init; }

    /// <summary>SQL cards: the learner's column names must match the reference's (front matter <c>column_names: true</c>).</summary>
    public bool ColumnNames { get; init; }

    /// <summary>SQL cards: text values compare ignoring case (front matter <c>case_insensitive: true</c>).</summary>
    public bool CaseInsensitive { get; init; }

    /// <summary>SQL cards: the query in <c>## Reference</c>.</summary>
    public SqlQuery? Reference { get; init; }

    /// <summary>SQL cards: other correct queries (<c>## Accepted</c>), which grading must accept.</summary>
    public IReadOnlyList<SqlQuery> Accepted { get; init; } = [];

    /// <summary>SQL cards: subtly wrong queries (<c>## Wrong</c>), which grading must reject.</summary>
    public IReadOnlyList<SqlQuery> Wrong { get; init; } = [];

    /// <summary>A retired card keeps learners' history but is never served as a new card.</summary>
    public bool Retired { get; init; }

    /// <summary>Path relative to the content folder, with forward slashes, e.g. <c>sql/top-n.md</c>.</summary>
    public required string SourcePath { get; init; }

    public required IReadOnlyList<CardSection> Sections { get; init; }

    /// <summary>Multiple-choice options (concept cards with <c>## Choices</c>); empty otherwise.</summary>
    public IReadOnlyList<CardChoice> Choices { get; init; } = [];

    /// <summary>SHA-256 (hex, first 16 chars) of the file text: changes whenever the author edits the card.</summary>
    public required string ContentHash { get; init; }

    public bool IsMultipleChoice => Choices.Count > 0;

    /// <summary>The section with this name (case-insensitive), or null.</summary>
    public CardSection? Section(string name) =>
        Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
