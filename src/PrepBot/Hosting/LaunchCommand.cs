namespace PrepBot.Hosting;

public enum LaunchMode
{
    /// <summary>No verb: Discord when a token is configured, else the practice session.</summary>
    Default,
    Practice,
    ContentCheck,
    ContentStats,
    SqlTry,
    DataBackup,
    DataRestore,
    DataCopy,
    SrsEvaluate,
    Help,
}

/// <summary>
/// The verb on the command line (<c>practice</c>, <c>content check [--content DIR]</c>, <c>sql try CARD QUERY</c>) and
/// the arguments left for configuration.
/// </summary>
public sealed record LaunchCommand(LaunchMode Mode, string? ContentDirectory, string[] HostArguments, string? Error = null)
{
    public const string SqlTryUsage = "sql try needs a card (its id or its file) and a query file, or - to read the query from standard input, e.g. sql try sql-top-products-per-category answer.sql";

    /// <summary><c>sql try</c>: the card id or card file path.</summary>
    public string? SqlCard { get; init; }

    /// <summary><c>sql try</c>: the query file, or <c>-</c> for standard input.</summary>
    public string? SqlQuery { get; init; }

    /// <summary><c>content stats</c>: leave out cards with fewer grades than this.</summary>
    public int MinReviews { get; init; } = 1;

    public const string MinReviewsUsage = "--min-reviews needs a whole number of reviews from 1 up, e.g. --min-reviews 5";

    /// <summary><c>data backup</c> / <c>data restore</c>: the backup file.</summary>
    public string? DataFile { get; init; }

    /// <summary><c>data copy --to-postgres</c>: the target PostgreSQL's connection string.</summary>
    public string? PostgresTarget { get; init; }

    public const string DataCopyUsage = "data copy needs --to-postgres and the target's connection string, e.g. data copy --to-postgres \"Host=db;Database=prepbot;Username=prepbot;Password=…\"";

    /// <summary><c>srs evaluate --log FILE</c>: the review log to read instead of the bot's database; null for the database.</summary>
    public string? LogFile { get; init; }

    public const string LogUsage = "srs evaluate takes --log FILE (a review log in Anki's revlog CSV layout), or nothing to read the bot's database";

    public const string Usage = """
        Usage:
          dotnet run --project src/PrepBot                      Discord if a token is configured, else local practice
          dotnet run --project src/PrepBot -- practice          local practice session in the terminal
          dotnet run --project src/PrepBot -- content check [--content DIR]
                                                                check every card, report path:line: message
          dotnet run --project src/PrepBot -- content stats [--min-reviews N]
                                                                how learners do on each card, worst first (default N: 1)
          dotnet run --project src/PrepBot -- sql try <card-id or path> <query-file or ->
                                                                grade a query as a learner's is graded, print the feedback;
                                                                exit 0 accepted, 1 rejected, 2 refused or error
          dotnet run --project src/PrepBot -- data backup <file>
                                                                a consistent copy of the database, also while the bot runs
          dotnet run --project src/PrepBot -- data restore <file>
                                                                put a backup back (the bot must be stopped)
          dotnet run --project src/PrepBot -- data copy --to-postgres "<connection string>"
                                                                copy the database into an empty PostgreSQL one, checking row counts
                                                                and a checksum per table; exit 0 copied, 1 refused or failed, 2 bad target
          dotnet run --project src/PrepBot -- srs evaluate [--log FILE]
                                                                how well SM-2 and FSRS-6 predict recall on a review log (the bot's
                                                                database, or an Anki revlog CSV); exit 0 done, 1 unreadable or empty log, 2 error
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

        if (args[0] == "content" && args.Length > 1 && args[1] == "stats")
        {
            return ParseContentStats(args[2..]);
        }

        if (args[0] == "sql" && args.Length > 1 && args[1] == "try")
        {
            var positional = args[2..].Where(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToList();
            var rest = args[2..].Where(arg => arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
            return positional.Count == 2
                ? new LaunchCommand(LaunchMode.SqlTry, null, rest) { SqlCard = positional[0], SqlQuery = positional[1] }
                : new LaunchCommand(LaunchMode.SqlTry, null, [], SqlTryUsage);
        }

        if (args[0] == "data" && args.Length > 1 && args[1] == "copy")
        {
            return ParseDataCopy(args[2..]);
        }

        if (args[0] == "data" && args.Length > 1 && args[1] is "backup" or "restore")
        {
            var mode = args[1] == "backup" ? LaunchMode.DataBackup : LaunchMode.DataRestore;
            var positional = args[2..].Where(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToList();
            var rest = args[2..].Where(arg => arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
            return positional.Count == 1
                ? new LaunchCommand(mode, null, rest) { DataFile = positional[0] }
                : new LaunchCommand(mode, null, [], $"data {args[1]} needs one file, e.g. data {args[1]} backups/prepbot-2026-12-01.db");
        }

        if (args[0] == "srs" && args.Length > 1 && args[1] == "evaluate")
        {
            return ParseSrsEvaluate(args[2..]);
        }

        return new LaunchCommand(LaunchMode.Help, null, [], $"Unknown command '{string.Join(' ', args)}'.");
    }

    /// <summary>
    /// <c>srs evaluate</c>: <c>--log FILE</c> (or <c>--log=FILE</c>); settings (<c>--Section:Key=value</c>) go to the host; any
    /// other option or word is refused by name.
    /// </summary>
    private static LaunchCommand ParseSrsEvaluate(string[] args)
    {
        var rest = new List<string>();
        string? log = null;
        for (var i = 0; i < args.Length; i++)
        {
            string? value;
            if (args[i] == "--log")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return new LaunchCommand(LaunchMode.SrsEvaluate, null, [], $"--log needs a file, e.g. --log revlog.csv; {LogUsage}.");
                }

                value = args[++i];
            }
            else if (args[i].StartsWith("--log=", StringComparison.Ordinal))
            {
                value = args[i]["--log=".Length..];
                if (value.Length == 0)
                {
                    return new LaunchCommand(LaunchMode.SrsEvaluate, null, [], $"--log needs a file, e.g. --log revlog.csv; {LogUsage}.");
                }
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                rest.Add(args[i]);
                continue;
            }
            else
            {
                var what = args[i].StartsWith('-') ? "option" : "argument";
                return new LaunchCommand(LaunchMode.SrsEvaluate, null, [], $"srs evaluate has no {what} '{args[i]}'; {LogUsage}.");
            }

            if (log is not null)
            {
                return new LaunchCommand(LaunchMode.SrsEvaluate, null, [], $"--log is given twice ('{log}' and '{value}'); srs evaluate reads one log.");
            }

            log = value;
        }

        return new LaunchCommand(LaunchMode.SrsEvaluate, null, [.. rest]) { LogFile = log };
    }

    /// <summary><c>data copy --to-postgres "&lt;connection string&gt;"</c> (or <c>--to-postgres=…</c>); settings (<c>--Section:Key=value</c>) go to the host.</summary>
    private static LaunchCommand ParseDataCopy(string[] args)
    {
        var rest = new List<string>();
        string? target = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--to-postgres" && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                target = args[++i];
            }
            else if (args[i].StartsWith("--to-postgres=", StringComparison.Ordinal))
            {
                target = args[i]["--to-postgres=".Length..];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                rest.Add(args[i]);
            }
            else
            {
                return new LaunchCommand(LaunchMode.DataCopy, null, [], DataCopyUsage + ".");
            }
        }

        return string.IsNullOrWhiteSpace(target)
            ? new LaunchCommand(LaunchMode.DataCopy, null, [], DataCopyUsage + ".")
            : new LaunchCommand(LaunchMode.DataCopy, null, [.. rest]) { PostgresTarget = target };
    }

    /// <summary><c>content stats</c>: <c>--min-reviews N</c> (or <c>--min-reviews=N</c>); other <c>--Section:Key=value</c> go to the host.</summary>
    private static LaunchCommand ParseContentStats(string[] args)
    {
        var rest = new List<string>();
        var minReviews = 1;
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == "--min-reviews")
            {
                if (i + 1 >= args.Length)
                {
                    return new LaunchCommand(LaunchMode.ContentStats, null, [], MinReviewsUsage + " (the number is missing).");
                }

                value = args[++i];
            }
            else if (args[i].StartsWith("--min-reviews=", StringComparison.Ordinal))
            {
                value = args[i]["--min-reviews=".Length..];
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return new LaunchCommand(LaunchMode.ContentStats, null, [], $"content stats takes no '{args[i]}'; {MinReviewsUsage}.");
            }
            else
            {
                rest.Add(args[i]);
                continue;
            }

            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minReviews) || minReviews < 1)
            {
                return new LaunchCommand(LaunchMode.ContentStats, null, [], $"{MinReviewsUsage} (got '{value}').");
            }
        }

        return new LaunchCommand(LaunchMode.ContentStats, null, [.. rest]) { MinReviews = minReviews };
    }

    private static bool IsHelp(string arg) => arg is "help" or "--help" or "-h" or "-?";
}
