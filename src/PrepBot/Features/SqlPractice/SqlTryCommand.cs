using PrepBot.Content;
using PrepBot.Rendering;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// <c>sql try &lt;card-id or path&gt; &lt;query-file or -&gt;</c>: grades a query the way a learner's is graded and
/// prints the same feedback as plain text, for content authors trying their cards.
/// </summary>
public sealed class SqlTryCommand(CardCatalog catalog, CardParser parser, SqlGrader grader)
{
    public const int ExitAccepted = 0;
    public const int ExitRejected = 1;
    public const int ExitRefusedOrError = 2;

    /// <param name="cardArgument">A card id from the content folder, or the path of a card file.</param>
    /// <param name="queryArgument">A file holding the query, or <c>-</c> for <paramref name="input"/>.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="output">Where the feedback goes.</param>
    /// <param name="error">Where problems with the arguments go.</param>
    /// <returns>0 accepted, 1 rejected, 2 refused, failed, or an unusable argument.</returns>
    public int Run(string cardArgument, string queryArgument, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(cardArgument);
        ArgumentNullException.ThrowIfNull(queryArgument);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (card, contentDirectory) = LooksLikePath(cardArgument) ? ReadCardFile(cardArgument, error) : FindCard(cardArgument, error);
        if (card is null)
        {
            return ExitRefusedOrError;
        }

        if (card.Kind != CardKind.Sql)
        {
            error.WriteLine($"sql try: '{card.Id}' is a {CardFormat.KindName(card.Kind)} card, not a sql card.");
            return ExitRefusedOrError;
        }

        string query;
        try
        {
            query = queryArgument == "-" ? input.ReadToEnd() : File.ReadAllText(queryArgument);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sql try: cannot read the query file '{queryArgument}': {e.Message}");
            return ExitRefusedOrError;
        }

        var verdict = grader.Grade(card, query.Trim(), contentDirectory);
        output.WriteLine(MarkdownRenderer.ToPlainText(verdict.Feedback).TrimEnd());
        return verdict.Kind switch
        {
            SqlVerdictKind.Accepted => ExitAccepted,
            SqlVerdictKind.Rejected => ExitRejected,
            _ => ExitRefusedOrError,
        };
    }

    private static bool LooksLikePath(string argument) =>
        argument.Contains('/', StringComparison.Ordinal) || argument.Contains('\\', StringComparison.Ordinal)
        || argument.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || File.Exists(argument);

    private (Card? Card, string ContentDirectory) FindCard(string id, TextWriter error)
    {
        if (catalog.Find(id) is { } card)
        {
            return (card, catalog.ContentDirectory);
        }

        var suggestion = Suggestions.Closest(id, catalog.Cards.Select(c => c.Id));
        error.WriteLine(suggestion is null
            ? $"sql try: there is no card with id '{id}' in {catalog.ContentDirectory}."
            : $"sql try: there is no card with id '{id}' in {catalog.ContentDirectory} (did you mean '{suggestion}'?).");
        return (null, catalog.ContentDirectory);
    }

    /// <summary>A card file, parsed as it would be in its content folder (the folder above its kind folder that has datasets/), else in the bot's.</summary>
    private (Card? Card, string ContentDirectory) ReadCardFile(string path, TextWriter error)
    {
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"sql try: cannot read the card file '{path}': {e.Message}");
            return (null, catalog.ContentDirectory);
        }

        var contentDirectory = catalog.ContentDirectory;
        var relative = ContentFiles.ToRelative(contentDirectory, fullPath) is { } inside && ContentFiles.IsCardPath(inside)
            ? inside
            : "sql/" + Path.GetFileName(fullPath);
        for (var folder = Path.GetDirectoryName(fullPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(Path.Combine(folder, DatasetLibrary.FolderName))
                && ContentFiles.ToRelative(folder, fullPath) is { } candidate && ContentFiles.IsCardPath(candidate))
            {
                (contentDirectory, relative) = (folder, candidate);
                break;
            }
        }

        var result = parser.Parse(relative, text);
        foreach (var problem in result.Problems)
        {
            error.WriteLine((problem with { Path = path }).ToString());
        }

        return (result.Card, contentDirectory);
    }
}
