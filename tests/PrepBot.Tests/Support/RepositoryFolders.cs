namespace PrepBot.Tests.Support;

/// <summary>Folders of the repository the tests were built from (found by walking up to PrepBot.sln).</summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled deck, <c>content/</c>.</summary>
    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PrepBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PrepBot.sln above {AppContext.BaseDirectory}.");
    }
}
