using Microsoft.Extensions.Options;
using PrepBot.Data.Postgres;

namespace PrepBot.Data;

/// <summary>Where learners' progress is kept (section <c>Data</c>).</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    /// <summary>
    /// The database engine: <c>Sqlite</c> (the default: one file, nothing to install) or <c>Postgres</c>, reached through
    /// <c>ConnectionStrings:PrepBot</c>, for deployments of several processes (the README's "Running more than one process").
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The most a pool may hold: PostgreSQL's own default <c>max_connections</c> is 100 for every client together.</summary>
    public const int MaxPostgresPoolSize = 1000;

    /// <summary>
    /// PostgreSQL only: how many connections this process keeps to the server (1–1000; empty: twice the processor count, at
    /// least 4). They are opened at start and stay open, and a burst of learners queues for them rather than opening one
    /// each: every connection is a server process, and 200 of them forked at once cost a class's first <c>/quiz</c> far more
    /// than waiting their turn for a few (the README's PostgreSQL burst figures). <c>Maximum Pool Size</c> and
    /// <c>Minimum Pool Size</c> in the connection string win over it.
    /// </summary>
    public int? PostgresPoolSize { get; set; }

    /// <summary><see cref="PostgresPoolSize"/>, or its default on this machine.</summary>
    public int EffectivePostgresPoolSize => PostgresPoolSize ?? Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>PostgreSQL's connection string, from <c>ConnectionStrings:PrepBot</c> (not from this section). A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The SQLite file. Empty means the per-user default, <see cref="DefaultDatabasePath"/>; a relative
    /// path resolves against the folder holding <c>appsettings.json</c>.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting in WAL mode: <c>Normal</c> (default) loses no committed review when
    /// the process crashes or restarts, and never corrupts the file; only an operating-system crash or power
    /// cut can roll back the last moments of commits. <c>Full</c> syncs every commit to disk to survive those
    /// too, at three to four times the cost per review (one fsync per commit; see the README's benchmark figures).
    /// <c>appsettings.json</c> ships <c>Normal</c> as well.
    /// </summary>
    public string Synchronous { get; set; } = "Normal";

    /// <summary>
    /// How often the WAL is copied back into the database file in the background (1–3600 seconds), so that
    /// no learner's answer waits for a checkpoint.
    /// </summary>
    public int CheckpointIntervalSeconds { get; set; } = 5;

    public static string DefaultDatabasePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "PrepBot",
        "prepbot.db");
}

internal sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    private static readonly string[] SynchronousModes = ["Full", "Normal", "Extra"];
    private static readonly string[] Providers = [DataOptions.Sqlite, DataOptions.Postgres];

    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        var failures = new List<string>();
        if (!Providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Data:Provider: '{options.Provider}' is not one of {string.Join(", ", Providers)}.");
        }
        else if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{PostgresDatabase.ConnectionStringKey}: Data:Provider is Postgres, so PostgreSQL's connection string is needed, "
                + "e.g. PrepBot__ConnectionStrings__PrepBot='Host=db;Database=prepbot;Username=prepbot;Password=…'.");
        }
        else if (options.IsPostgres && !PostgresDatabase.IsValidConnectionString(options.ConnectionString!))
        {
            // The value is a secret: the message says what is wrong, never what it holds.
            failures.Add($"{PostgresDatabase.ConnectionStringKey}: not a PostgreSQL connection string with a Host (Npgsql's keys: Host, Port, Database, Username, Password).");
        }

        if (!SynchronousModes.Contains(options.Synchronous, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Data:Synchronous: '{options.Synchronous}' is not one of {string.Join(", ", SynchronousModes)}.");
        }

        if (options.PostgresPoolSize is < 1 or > DataOptions.MaxPostgresPoolSize)
        {
            failures.Add($"Data:PostgresPoolSize: must be from 1 to {DataOptions.MaxPostgresPoolSize} connections (got {options.PostgresPoolSize}), or left out for twice the processor count.");
        }

        if (options.CheckpointIntervalSeconds is < 1 or > 3600)
        {
            failures.Add($"Data:CheckpointIntervalSeconds: must be from 1 to 3600 (got {options.CheckpointIntervalSeconds}).");
        }

        if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Data:DatabasePath: '{options.DatabasePath}' is not a valid file path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
