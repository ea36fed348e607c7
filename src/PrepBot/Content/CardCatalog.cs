using System.Collections.Frozen;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrepBot.Content;

/// <summary>
/// The cards the bot serves right now, and the plan (<c>plan.md</c>) they follow. Readers see an immutable
/// snapshot that each load swaps in atomically; loads are serialised. A card file that breaks keeps serving its
/// last good card, a broken new file is skipped, and of two files with one id the first by path wins; a broken
/// plan likewise keeps its last good version.
/// </summary>
/// <remarks>
/// The hosted <see cref="ContentWatcher"/> calls <see cref="LoadAll"/> when the host starts; a reader that comes
/// earlier triggers that first load itself.
/// </remarks>
public sealed partial class CardCatalog(CardParser parser, IOptions<ContentOptions> options, ILogger<CardCatalog> logger)
{
    private readonly Lock _writeLock = new();
    private Snapshot? _current;

    /// <summary>Raised after each load or reload (also when nothing changed), outside the catalog's lock.</summary>
    public event EventHandler<CardCatalogReloadedEventArgs>? Reloaded;

    /// <summary>Full path of the content folder.</summary>
    public string ContentDirectory { get; } = Path.GetFullPath(options.Value.Directory);

    /// <summary>The served cards, retired ones included, ordered by week then id.</summary>
    public IReadOnlyList<Card> Cards => Current.Cards;

    /// <summary>Goes up by one with every load or reload; a snapshot counter for caches.</summary>
    public int Version => Current.Version;

    /// <summary>The problems of the card files and the plan as they are on disk now (content-relative paths).</summary>
    public IReadOnlyList<ContentProblem> Problems => Current.Problems;

    /// <summary>The plan being served: the last good <c>plan.md</c>, or null when there is none.</summary>
    public StudyPlan? Plan => Current.Plan;

    /// <summary>Every topic id learners can ask for: the plan's, plus any a card uses that the plan does not list.</summary>
    public IEnumerable<string> TopicIds =>
        (Plan?.TopicIds ?? []).Concat(Cards.Select(card => card.Topic)).Distinct(StringComparer.Ordinal);

    private Snapshot Current => Volatile.Read(ref _current) ?? LoadFirst();

    /// <summary>The served card with this id, or null.</summary>
    public Card? Find(string id) => Current.ById.GetValueOrDefault(id);

    /// <summary>Reads every card file again (and forgets files that are gone).</summary>
    public void LoadAll()
    {
        CardCatalogReloadedEventArgs change;
        lock (_writeLock)
        {
            var before = _current ?? Snapshot.Empty;
            var paths = new HashSet<string>(ContentFiles.FindCardFiles(ContentDirectory), StringComparer.Ordinal);
            paths.UnionWith(before.Files.Keys);
            var after = Apply(before, paths, readPlan: true, out change);
            LogLoaded(logger, after.Cards.Count, ContentDirectory, after.Problems.Count);
        }

        Reloaded?.Invoke(this, change);
    }

    /// <summary>
    /// Reads again the card files at these full paths: a deleted file removes its card. A folder path
    /// covers the card files under it (on disk now, or known before), and the content folder itself
    /// means everything. Paths outside the content folder and files that are not cards are ignored.
    /// </summary>
    public void Reload(IEnumerable<string> changedFullPaths)
    {
        ArgumentNullException.ThrowIfNull(changedFullPaths);
        if (Volatile.Read(ref _current) is null)
        {
            LoadAll();
            return;
        }

        CardCatalogReloadedEventArgs change;
        lock (_writeLock)
        {
            var before = _current!;
            var changed = changedFullPaths.Select(path => ContentFiles.ToRelative(ContentDirectory, Path.GetFullPath(path))).ToList();
            var paths = CardFilesAt(before, changedFullPaths);
            var after = Apply(before, paths, readPlan: changed.Any(path => path is "" or StudyPlan.FileName), out change);
            LogReloaded(logger, paths.Count, change.Added.Count, change.Changed.Count, change.Removed.Count, after.Cards.Count);
        }

        Reloaded?.Invoke(this, change);
    }

    private Snapshot LoadFirst()
    {
        LoadAll();
        return Volatile.Read(ref _current)!;
    }

    private HashSet<string> CardFilesAt(Snapshot before, IEnumerable<string> fullPaths)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fullPath in fullPaths.Select(path => Path.GetFullPath(path)))
        {
            if (ContentFiles.ToRelative(ContentDirectory, fullPath) is not { } relative)
            {
                continue;
            }

            var prefix = relative.Length == 0 ? "" : relative + "/";
            paths.UnionWith(before.Files.Keys.Where(known => known.StartsWith(prefix, StringComparison.Ordinal)));
            if (Directory.Exists(fullPath))
            {
                paths.UnionWith(ContentFiles.FindCardFiles(ContentDirectory, fullPath));
            }
            else if (ContentFiles.IsCardPath(relative))
            {
                paths.Add(relative);
            }
        }

        return paths;
    }

    /// <summary>Re-reads <paramref name="paths"/> (content-relative), and the plan when asked, and swaps in the resulting snapshot.</summary>
    private Snapshot Apply(Snapshot before, IReadOnlyCollection<string> paths, bool readPlan, out CardCatalogReloadedEventArgs change)
    {
        var found = new List<ContentProblem>();
        var (plan, planProblems) = readPlan ? ReadPlan(before.Plan) : (before.Plan, before.PlanProblems);
        if (readPlan)
        {
            found.AddRange(planProblems);
        }

        var files = before.Files.ToBuilder();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            files.TryGetValue(path, out var previous);
            if (Read(path) is not { } result)
            {
                if (files.Remove(path))
                {
                    LogFileDeleted(logger, path);
                }

                continue;
            }

            if (result.Card is { } card)
            {
                files[path] = new CardFile(card, result.KeyLines.GetValueOrDefault("id", 1), []);
                continue;
            }

            foreach (var problem in result.Problems)
            {
                if (previous?.LastGood is null)
                {
                    LogBrokenNewFile(logger, path, problem.Line, problem.Message);
                }
                else
                {
                    LogBrokenKeepingLastGood(logger, path, problem.Line, problem.Message);
                }
            }

            files[path] = new CardFile(previous?.LastGood, previous?.IdLine ?? 1, result.Problems);
            found.AddRange(result.Problems);
        }

        var byId = new Dictionary<string, Card>(StringComparer.Ordinal);
        var duplicates = new List<ContentProblem>();
        foreach (var (path, file) in files)
        {
            if (file.LastGood is not { } card)
            {
                continue;
            }

            if (byId.TryGetValue(card.Id, out var first))
            {
                var duplicate = new ContentProblem(path, file.IdLine, $"duplicate id '{card.Id}' (first used in {first.SourcePath}); this card is not served");
                duplicates.Add(duplicate);
                if (paths.Contains(path) || paths.Contains(first.SourcePath))
                {
                    LogDuplicateId(logger, path, card.Id, first.SourcePath);
                    found.Add(duplicate);
                }

                continue;
            }

            byId.Add(card.Id, card);
        }

        var after = new Snapshot(
            before.Version + 1,
            files.ToImmutable(),
            [.. byId.Values.OrderBy(card => card.Week).ThenBy(card => card.Id, StringComparer.Ordinal)],
            byId.ToFrozenDictionary(StringComparer.Ordinal),
            [.. files.Values.SelectMany(file => file.Problems).Concat(duplicates).Concat(planProblems).OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line)],
            plan,
            planProblems);
        Volatile.Write(ref _current, after);

        change = new CardCatalogReloadedEventArgs(
            after.Version,
            added: [.. after.ById.Keys.Where(id => !before.ById.ContainsKey(id)).Order(StringComparer.Ordinal)],
            changed: [.. after.ById.Values.Where(card => before.ById.TryGetValue(card.Id, out var old) && (old.ContentHash != card.ContentHash || old.SourcePath != card.SourcePath)).Select(card => card.Id).Order(StringComparer.Ordinal)],
            removed: [.. before.ById.Keys.Where(id => !after.ById.ContainsKey(id)).Order(StringComparer.Ordinal)],
            problems: found)
        {
            PlanChanged = !ReferenceEquals(before.Plan, after.Plan),
        };
        return after;
    }

    /// <summary>
    /// Reads plan.md: the new plan when it parses, the <paramref name="previous"/> one (with the problems) when it is
    /// broken, and none when the file is gone.
    /// </summary>
    private (StudyPlan? Plan, IReadOnlyList<ContentProblem> Problems) ReadPlan(StudyPlan? previous)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(ContentDirectory, StudyPlan.FileName));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (previous, [new ContentProblem(StudyPlan.FileName, 1, $"cannot read the file: {e.Message}")]);
        }

        var result = PlanParser.Parse(StudyPlan.FileName, text);
        foreach (var problem in result.Problems)
        {
            LogBrokenPlan(logger, problem.Line, problem.Message, previous is not null);
        }

        if (result.Plan is { } plan)
        {
            LogPlanLoaded(logger, plan.Weeks.Count, plan.TopicCount);
        }

        return (result.Plan ?? previous, result.Problems);
    }

    /// <summary>Parses the file at a content-relative path; null when it does not exist (any more).</summary>
    private CardParseResult? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(ContentDirectory, path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Typically an editor still holding the file; its next change event brings it back.
            return new CardParseResult(null, [new ContentProblem(path, 1, $"cannot read the file: {e.Message}")]);
        }

        return parser.Parse(path, text);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Card file {Path} is broken; keeping its last good version. Line {Line}: {Problem}")]
    private static partial void LogBrokenKeepingLastGood(ILogger logger, string path, int line, string problem);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Card file {Path} is broken and was not loaded. Line {Line}: {Problem}")]
    private static partial void LogBrokenNewFile(ILogger logger, string path, int line, string problem);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Card file {Path} uses id {CardId}, already used by {FirstPath}; it is not served")]
    private static partial void LogDuplicateId(ILogger logger, string path, string cardId, string firstPath);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Card file {Path} was deleted")]
    private static partial void LogFileDeleted(ILogger logger, string path);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Loaded {CardCount} cards from {Directory} ({ProblemCount} problems)")]
    private static partial void LogLoaded(ILogger logger, int cardCount, string directory, int problemCount);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Reloaded {FileCount} card files: {AddedCount} added, {ChangedCount} changed, {RemovedCount} removed; serving {CardCount} cards")]
    private static partial void LogReloaded(ILogger logger, int fileCount, int addedCount, int changedCount, int removedCount, int cardCount);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "The plan (plan.md) is broken at line {Line}: {Problem}. Keeping the previous plan: {KeptPrevious}")]
    private static partial void LogBrokenPlan(ILogger logger, int line, string problem, bool keptPrevious);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Loaded the plan: {WeekCount} weeks, {TopicCount} topics")]
    private static partial void LogPlanLoaded(ILogger logger, int weekCount, int topicCount);

    /// <summary>A card file's state: its last good card (kept while the file is broken) and current problems.</summary>
    private sealed record CardFile(Card? LastGood, int IdLine, IReadOnlyList<ContentProblem> Problems);

    private sealed record Snapshot(
        int Version,
        ImmutableSortedDictionary<string, CardFile> Files,
        IReadOnlyList<Card> Cards,
        FrozenDictionary<string, Card> ById,
        IReadOnlyList<ContentProblem> Problems,
        StudyPlan? Plan,
        IReadOnlyList<ContentProblem> PlanProblems)
    {
        public static readonly Snapshot Empty = new(
            0,
            ImmutableSortedDictionary.Create<string, CardFile>(StringComparer.Ordinal),
            [],
            FrozenDictionary<string, Card>.Empty,
            [],
            null,
            []);
    }
}
