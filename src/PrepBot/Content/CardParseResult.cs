using System.Diagnostics.CodeAnalysis;

namespace PrepBot.Content;

/// <summary>The outcome of parsing one card file: a card, or every problem found in it.</summary>
/// <param name="Card">The card; null whenever there is any problem.</param>
/// <param name="Problems">All problems of the file, ordered by line.</param>
public sealed record CardParseResult(Card? Card, IReadOnlyList<ContentProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Card))]
    public bool Succeeded => Card is not null;

    /// <summary>
    /// The 1-based line of each front-matter key that was read (e.g. <c>id</c> → 2), so checks that
    /// run after parsing (duplicate ids, missing datasets) can point at the right line.
    /// </summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();
}
