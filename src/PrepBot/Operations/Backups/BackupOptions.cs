using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PrepBot.Data;

namespace PrepBot.Operations.Backups;

/// <summary>The daily backup of a bot on Discord (section <c>Data:Backup</c>).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Data:Backup";

    /// <summary>Where the daily copies go; empty (the default) takes no daily backup. Relative to the folder holding <c>appsettings.json</c>.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>How many daily copies to keep (1–365); older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The machine's local time of the daily backup, 24-hour <c>HH:mm</c>.</summary>
    public string Time { get; set; } = "03:30";

    public TimeOnly TimeOfDay => TimeOnly.ParseExact(Time, "HH:mm", CultureInfo.InvariantCulture);
}

// Reads Data:Provider from the configuration, not IOptions<DataOptions>, so that a bad Data section is reported once, by its own validator.
internal sealed class BackupOptionsValidator(IConfiguration configuration) : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var failures = new List<string>();
        var postgres = string.Equals(configuration[$"{DataOptions.SectionName}:{nameof(DataOptions.Provider)}"], DataOptions.Postgres, StringComparison.OrdinalIgnoreCase);
        if (postgres && !string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Data:Backup:Directory: the daily backup copies PrepBot's SQLite file, and Data:Provider is Postgres: "
                + "leave it empty and back PostgreSQL up with pg_dump (restore with pg_restore).");
        }

        if (options.Keep is < 1 or > 365)
        {
            failures.Add($"Data:Backup:Keep: must be from 1 to 365 (got {options.Keep}).");
        }

        if (!TimeOnly.TryParseExact(options.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add($"Data:Backup:Time: '{options.Time}' is not a 24-hour HH:mm time, e.g. 03:30.");
        }

        if (options.Directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Data:Backup:Directory: '{options.Directory}' is not a valid folder path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
