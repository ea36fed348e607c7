using Microsoft.Extensions.Options;

namespace PrepBot.Data;

/// <summary>Where learners' progress is kept (section <c>Data</c>).</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>
    /// The SQLite file. Empty means the per-user default, <see cref="DefaultDatabasePath"/>; a relative
    /// path resolves against the folder holding <c>appsettings.json</c>.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting: <c>Full</c> (default) syncs every commit to disk so a review
    /// survives even a power cut; <c>Normal</c> is faster and still loses nothing when the process crashes.
    /// </summary>
    public string Synchronous { get; set; } = "Full";

    public static string DefaultDatabasePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "PrepBot",
        "prepbot.db");
}

internal sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    private static readonly string[] SynchronousModes = ["Full", "Normal", "Extra"];

    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        var failures = new List<string>();
        if (!SynchronousModes.Contains(options.Synchronous, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Data:Synchronous: '{options.Synchronous}' is not one of {string.Join(", ", SynchronousModes)}.");
        }

        if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Data:DatabasePath: '{options.DatabasePath}' is not a valid file path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
