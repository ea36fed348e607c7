namespace PrepBot.Content;

/// <summary>Configuration section <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    public const int MinReloadDebounceMilliseconds = 50;

    public const int MaxReloadDebounceMilliseconds = 60_000;

    /// <summary>
    /// The content folder. A relative path is resolved against the host's content root when the
    /// options are built, so after that this is always a full path.
    /// </summary>
    public string Directory { get; set; } = "content";

    /// <summary>How long the folder must stay quiet after a change before the catalog reloads.</summary>
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    /// <summary>Whether to pick up added, changed and removed card files while the bot runs.</summary>
    public bool WatchForChanges { get; set; } = true;
}
