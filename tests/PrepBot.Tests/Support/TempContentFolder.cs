namespace PrepBot.Tests.Support;

/// <summary>A throw-away <c>&lt;temp&gt;/content</c> folder for one test; deleted on dispose.</summary>
internal sealed class TempContentFolder : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("prepbot-content-");

    public TempContentFolder() => Directory.CreateDirectory(ContentDirectory);

    /// <summary>The folder that holds <c>content/</c>, standing in for the repository root.</summary>
    public string RootDirectory => _root.FullName;

    public string ContentDirectory => Path.Combine(_root.FullName, "content");

    /// <summary>Writes <paramref name="text"/> to a content-relative path and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var fullPath = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text);
        return fullPath;
    }

    public string Delete(string relativePath)
    {
        var fullPath = FullPath(relativePath);
        File.Delete(fullPath);
        return fullPath;
    }

    public string FullPath(string relativePath) => Path.Combine(ContentDirectory, relativePath);

    public void Dispose() => _root.Delete(recursive: true);
}
