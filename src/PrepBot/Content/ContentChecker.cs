namespace PrepBot.Content;

/// <summary>
/// Checks a whole content folder the way <c>content check</c> does: every card file under the kind
/// folders, duplicate ids across files, (when <c>datasets/</c> exists) the datasets sql cards name,
/// (when <c>plan.md</c> exists) the plan itself and that every card's topic is one the plan lists in the card's week,
/// that no multiple-choice card's right option gives itself away by its length (<see cref="ChoiceBalance"/>), per card and
/// across the deck, and then whatever the registered <see cref="IContentVerifier"/>s check (SQL cards' queries).
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

        var plan = CheckPlan(root, currentDirectory, out var planProblems);
        var datasets = Path.Combine(root, DatasetsFolder);
        var checkDatasets = Directory.Exists(datasets);
        var problems = new List<ContentProblem>(planProblems);
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

            if (plan is not null && TopicProblem(plan, card, result.KeyLines, shownPath) is { } topicProblem)
            {
                problems.Add(topicProblem);
                continue;
            }

            var unbalanced = ChoiceBalance.Problems(card, shownPath).ToList();
            if (unbalanced.Count > 0)
            {
                problems.AddRange(unbalanced);
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

        if (ChoiceBalance.Measure(cards) is { IsOverTarget: true } share)
        {
            problems.Add(new ContentProblem(DisplayPath(root, currentDirectory), 0,
                $"{share}: make more wrong options as long as the right one, so length gives nothing away"));
        }

        return new ContentCheckReport(
            [.. cards.OrderBy(card => card.Week).ThenBy(card => card.Id, StringComparer.Ordinal)],
            [.. problems.OrderBy(problem => problem.Path, StringComparer.Ordinal).ThenBy(problem => problem.Line)]);
    }

    /// <summary>The plan when <c>plan.md</c> exists and has no problems; its problems otherwise; null without problems when there is no plan.</summary>
    private static StudyPlan? CheckPlan(string root, string currentDirectory, out IReadOnlyList<ContentProblem> problems)
    {
        var fullPath = Path.Combine(root, StudyPlan.FileName);
        problems = [];
        if (!File.Exists(fullPath))
        {
            return null;
        }

        var shownPath = DisplayPath(fullPath, currentDirectory);
        try
        {
            var result = PlanParser.Parse(shownPath, File.ReadAllText(fullPath));
            problems = result.Problems;
            return result.Plan;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems = [new ContentProblem(shownPath, 1, $"cannot read the file: {e.Message}")];
            return null;
        }
    }

    /// <summary>A card whose topic the plan does not define, or does not list in the card's week.</summary>
    private static ContentProblem? TopicProblem(StudyPlan plan, Card card, IReadOnlyDictionary<string, int> keyLines, string shownPath)
    {
        var weeks = plan.WeeksOf(card.Topic);
        if (weeks.Count == 0)
        {
            var suggestion = Suggestions.Closest(card.Topic, plan.TopicIds.Order(StringComparer.Ordinal));
            return new ContentProblem(
                shownPath,
                keyLines.GetValueOrDefault("topic", 1),
                $"topic '{card.Topic}' is not a topic of the plan ({StudyPlan.FileName})"
                    + (suggestion is null ? "; use a topic id listed under a week's '### Topics'" : $" (did you mean '{suggestion}'?)"));
        }

        if (!weeks.Contains(card.Week))
        {
            return new ContentProblem(
                shownPath,
                keyLines.GetValueOrDefault("week", 1),
                $"week {card.Week} of the plan does not list topic '{card.Topic}': move the card to "
                    + (weeks.Count == 1 ? $"week {weeks[0]}" : $"one of weeks {string.Join(", ", weeks)}")
                    + $" or pick a topic of week {card.Week}");
        }

        return null;
    }

    /// <summary>Relative to <paramref name="currentDirectory"/> (forward slashes) when the file is under it, else the full path.</summary>
    private static string DisplayPath(string fullPath, string currentDirectory) =>
        ContentFiles.ToRelative(currentDirectory, fullPath) is { Length: > 0 } relative ? relative : fullPath;
}
