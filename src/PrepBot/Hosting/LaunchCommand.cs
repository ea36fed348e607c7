namespace PrepBot.Hosting;

public enum LaunchMode
{
    /// <summary>No verb: Discord when a token is configured, else the practice session.</summary>
    Default,
    Practice,
    ContentCheck,
    Help,
}

/// <summary>The verb on the command line (<c>practice</c>, <c>content check [--content DIR]</c>) and the arguments left for configuration.</summary>
public sealed record LaunchCommand(LaunchMode Mode, string? ContentDirectory, string[] HostArguments, string? Error = null)
{
    public const string Usage = """
        Usage:
          dotnet run --project src/PrepBot                      Discord if a token is configured, else local practice
          dotnet run --project src/PrepBot -- practice          local practice session in the terminal
          dotnet run --project src/PrepBot -- content check [--content DIR]
                                                                check every card, report path:line: message
        Settings may follow as --Section:Key=value (e.g. --Data:DatabasePath=my.db).
        """;

    public static LaunchCommand Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) && !IsHelp(args[0]))
        {
            return new LaunchCommand(LaunchMode.Default, null, args);
        }

        if (IsHelp(args[0]))
        {
            return new LaunchCommand(LaunchMode.Help, null, []);
        }

        if (args[0] == "practice")
        {
            return new LaunchCommand(LaunchMode.Practice, null, args[1..]);
        }

        if (args[0] == "content" && args.Length > 1 && args[1] == "check")
        {
            var rest = new List<string>();
            string? directory = null;
            for (var i = 2; i < args.Length; i++)
            {
                if (args[i] == "--content")
                {
                    if (i + 1 >= args.Length)
                    {
                        return new LaunchCommand(LaunchMode.ContentCheck, null, [], "--content needs a folder, e.g. --content content");
                    }

                    directory = args[++i];
                }
                else
                {
                    rest.Add(args[i]);
                }
            }

            return new LaunchCommand(LaunchMode.ContentCheck, directory, [.. rest]);
        }

        return new LaunchCommand(LaunchMode.Help, null, [], $"Unknown command '{string.Join(' ', args)}'.");
    }

    private static bool IsHelp(string arg) => arg is "help" or "--help" or "-h" or "-?";
}
