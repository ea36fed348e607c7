namespace PrepBot.Content;

/// <summary>
/// Checks a whole content folder the way <c>content check</c> does: every card file under the kind
/// folders, duplicate ids across files, (when <c>datasets/</c> exists) the datasets sql cards name, and then
/// whatever the registered <see cref="IContentVerifier"/>s check (SQL cards' queries).
/// </summary>
public sealed class ContentChecker(CardParser parser, IEnumerable<IContentVerifier> verifiers)
{
    private const string DatasetsFolder = "datasets";

    /// <summary>A checker of the card format alone, with no further verifiers.</summary>
    public ContentChecker(CardParser parser)
        : this(parser, [])
    {
    }

    /// <summary>Checks <paramref name="contentDirectory"/>; problem paths are shown relative to the current directory when under it.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ContentCheckReport Check(string contentDirectory) => Check(contentDirectory, Environment.CurrentDirectory);

    /// <summary>As <see cref="Check(string)"/>, with the directory problem paths are shown relative to.</summary>
    internal ContentCheckReport Check(string contentDirectory, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(contentDirectory);
        var root = Path.GetFullPath(contentDirectory, currentDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Content folder '{root}' does not exist.");
        }

        var datasets = Path.Combine(root, DatasetsFolder);
        var checkDatasets = Directory.Exists(datasets);
        var problems = new List<ContentProblem>();
        var cards = new List<Card>();
        var firstById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relativePath in ContentFiles.FindCardFiles(root))
        {
            var fullPath = Path.Combine(root, relativePath);
            var shownPath = DisplayPath(fullPath, currentDirectory);
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ContentProblem(shownPath, 1, $"cannot read the file: {e.Message}"));
                continue;
            }

            var result = parser.Parse(relativePath, text);
            problems.AddRange(result.Problems.Select(problem => problem with { Path = shownPath }));
            if (result.Card is not { } card)
            {
                continue;
            }

            var idLine = result.KeyLines.GetValueOrDefault("id", 1);
            if (firstById.TryGetValue(card.Id, out var first))
            {
                problems.Add(new ContentProblem(shownPath, idLine, $"duplicate id '{card.Id}' (first used in {first})"));
                continue;
            }

            firstById.Add(card.Id, $"{relativePath}:{idLine}");
            if (checkDatasets && card.Dataset is { } dataset && !File.Exists(Path.Combine(datasets, dataset + ".sql")))
            {
                problems.Add(new ContentProblem(
                    shownPath,
                    result.KeyLines.GetValueOrDefault("dataset", 1),
                    $"dataset '{dataset}' not found: there is no {DatasetsFolder}/{dataset}.sql"));
                continue;
            }

            cards.Add(card);
        }

        foreach (var verifier in verifiers)
        {
            var found = verifier.Verify(root, cards);
            var failing = found.Select(problem => problem.Path).ToHashSet(StringComparer.Ordinal);
            cards.RemoveAll(card => failing.Contains(Path.Combine(root, card.SourcePath)));
            problems.AddRange(found.Select(problem => problem with { Path = DisplayPath(problem.Path, currentDirectory) }));
        }

        return new ContentCheckReport(
            [.. cards.OrderBy(card => card.Week).ThenBy(card => card.Id, StringComparer.Ordinal)],
            [.. problems.OrderBy(problem => problem.Path, StringComparer.Ordinal).ThenBy(problem => problem.Line)]);
    }

    /// <summary>Relative to <paramref name="currentDirectory"/> (forward slashes) when the file is under it, else the full path.</summary>
    private static string DisplayPath(string fullPath, string currentDirectory) =>
        ContentFiles.ToRelative(currentDirectory, fullPath) is { Length: > 0 } relative ? relative : fullPath;
}
