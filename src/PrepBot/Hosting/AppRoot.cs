namespace PrepBot.Hosting;

/// <summary>
/// Finds the folder PrepBot runs from: the nearest folder holding both <c>appsettings.json</c> and
/// <c>content/</c>, searched upwards from the working directory and then from the program's own folder
/// (so <c>dotnet run --project src/PrepBot</c> works from anywhere in the repository).
/// </summary>
public static class AppRoot
{
    public static string Find(string? workingDirectory = null)
    {
        foreach (var start in new[] { workingDirectory ?? Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "content")))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }
}
