namespace PrepBot.Content;

/// <summary>
/// A further check that <c>content check</c> runs on the cards that parsed cleanly (SQL practice runs every SQL
/// card's queries on its dataset). Lives beside the feature that knows how; the checker only collects problems.
/// </summary>
public interface IContentVerifier
{
    /// <summary>The problems found, each with the full path of the file it is in (a card or another content file).</summary>
    IReadOnlyList<ContentProblem> Verify(string contentDirectory, IReadOnlyList<Card> cards);
}
