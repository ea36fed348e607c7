namespace PrepBot.Content;

/// <summary>What one load or reload of the <see cref="CardCatalog"/> changed.</summary>
public sealed class CardCatalogReloadedEventArgs(
    int version,
    IReadOnlyList<string> added,
    IReadOnlyList<string> changed,
    IReadOnlyList<string> removed,
    IReadOnlyList<ContentProblem> problems) : EventArgs
{
    /// <summary>The catalog's <see cref="CardCatalog.Version"/> after this reload.</summary>
    public int Version { get; } = version;

    /// <summary>Ids now served that were not before.</summary>
    public IReadOnlyList<string> Added { get; } = added;

    /// <summary>Ids still served whose card changed (its text, or the file it comes from).</summary>
    public IReadOnlyList<string> Changed { get; } = changed;

    /// <summary>Ids no longer served.</summary>
    public IReadOnlyList<string> Removed { get; } = removed;

    /// <summary>Problems found in the files this reload read (content-relative paths).</summary>
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    /// <summary>This reload read plan.md and now serves another plan object: a new or re-read plan, or none when the file is gone.</summary>
    public bool PlanChanged { get; init; }

    public bool HasChanges => Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0 || PlanChanged;
}
