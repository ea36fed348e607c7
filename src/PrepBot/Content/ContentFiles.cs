namespace PrepBot.Content;

/// <summary>Which files under the content folder are cards: <c>*.md</c> under a kind folder, not README.md.</summary>
internal static class ContentFiles
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        IgnoreInaccessible = true,
    };

    /// <summary>Content-relative paths (forward slashes, ordinal order) of the card files under <paramref name="startDirectory"/>.</summary>
    public static IReadOnlyList<string> FindCardFiles(string contentDirectory, string? startDirectory = null)
    {
        startDirectory ??= contentDirectory;
        if (!Directory.Exists(startDirectory))
        {
            return [];
        }

        return
        [
            .. Directory.EnumerateFiles(startDirectory, "*.md", Recursive)
                .Select(file => ToRelative(contentDirectory, file))
                .OfType<string>()
                .Where(IsCardPath)
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>True for <c>kind/…/name.md</c>; false for README.md, dot-files and anything outside a kind folder.</summary>
    public static bool IsCardPath(string relativePath)
    {
        var segments = relativePath.Split('/');
        return segments.Length >= 2
            && CardFormat.KindNames.Contains(segments[0])
            && segments.All(segment => segment.Length > 0 && !segment.StartsWith('.'))
            && segments[^1].EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && !segments[^1].Equals("README.md", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first folder of a content-relative path (<c>sql</c> for <c>sql/x/y.md</c>), or null for a top-level file.</summary>
    public static string? TopFolder(string relativePath)
    {
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? relativePath[..slash] : null;
    }

    /// <summary>
    /// <paramref name="fullPath"/> relative to the content folder with forward slashes; "" for the folder
    /// itself; null when it lies outside.
    /// </summary>
    public static string? ToRelative(string contentDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(contentDirectory, fullPath);
        if (relative == ".")
        {
            return "";
        }

        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
