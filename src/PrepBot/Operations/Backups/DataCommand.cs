using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrepBot.Data;
using PrepBot.Data.Postgres;

namespace PrepBot.Operations.Backups;

/// <summary><c>data backup &lt;file&gt;</c> and <c>data restore &lt;file&gt;</c>: one line of result, exit 0, or one line of why not, exit 1.</summary>
internal static class DataCommand
{
    public const int ExitDone = 0;
    public const int ExitFailed = 1;
    public const int ExitBadTarget = 2;

    /// <summary>
    /// <c>data copy --to-postgres "&lt;connection string&gt;"</c>: the SQLite database (brought to its latest schema first) into an
    /// empty PostgreSQL one. One line per table, then one line of result, exit 0; one line of why not, exit 1; a target that is
    /// not a connection string or cannot be reached, exit 2. The connection string is never printed, only host, port and database.
    /// </summary>
    public static async Task<int> RunCopyAsync(HostApplicationBuilder builder, string target, TextWriter output, TextWriter error)
    {
        await using var services = builder.Services.BuildServiceProvider();
        services.GetService<IStartupValidator>()?.Validate();
        if (services.GetRequiredService<IOptions<DataOptions>>().Value.IsPostgres)
        {
            throw new DatabaseNotSupportedException(
                "Data:Provider: data copy --to-postgres reads PrepBot's SQLite file (Data:DatabasePath); run it with Data:Provider=Sqlite (the default).");
        }

        var database = services.GetRequiredService<DatabaseLocation>().Path;
        var copy = ActivatorUtilities.CreateInstance<PostgresCopyStore>(services);
        try
        {
            if (File.Exists(database))
            {
                await ActivatorUtilities.CreateInstance<DatabaseMigrator>(services).StartAsync(CancellationToken.None).ConfigureAwait(false);
            }

            var tables = await copy.CopyAsync(target, CancellationToken.None).ConfigureAwait(false);
            foreach (var table in tables)
            {
                await output.WriteLineAsync($"  {table.Table}: {table.Rows:N0} rows, checksum {table.ChecksumText} on both sides").ConfigureAwait(false);
            }

            await output.WriteLineAsync(
                $"Copied {database} into PostgreSQL at {PostgresDatabase.Describe(target)}: {tables.Count} tables, {tables.Sum(t => t.Rows):N0} rows; "
                + "row counts and checksums match.").ConfigureAwait(false);
            return ExitDone;
        }
        catch (DataCopyException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.BadTarget ? ExitBadTarget : ExitFailed;
        }
    }

    /// <summary>Why <c>data backup</c> / <c>data restore</c> (and the daily backup) do nothing on PostgreSQL, and what does.</summary>
    public static string PostgresRefusal(string command, string where) =>
        $"Data:Provider: data {command} copies PrepBot's SQLite file, and the database is PostgreSQL ({where}): "
        + "back it up with pg_dump (e.g. pg_dump -Fc -f prepbot.dump) and restore it with pg_restore; the server's own tools check it whole.";

    public static async Task<int> RunAsync(HostApplicationBuilder builder, bool backUp, string file, TextWriter output, TextWriter error)
    {
        builder.Services.AddPrepBotBackups();
        await using var services = builder.Services.BuildServiceProvider();
        services.GetService<IStartupValidator>()?.Validate();
        var data = services.GetRequiredService<IOptions<DataOptions>>().Value;
        if (data.IsPostgres)
        {
            throw new DatabaseNotSupportedException(PostgresRefusal(backUp ? "backup" : "restore", PostgresDatabase.Describe(data.ConnectionString!)));
        }

        var backup = services.GetRequiredService<DatabaseBackupStore>();
        try
        {
            if (backUp)
            {
                var copy = await backup.BackupAsync(file, CancellationToken.None).ConfigureAwait(false);
                await output.WriteLineAsync($"Backed up {services.GetRequiredService<DatabaseLocation>().Path} to {copy.FullName} ({copy.Length:N0} bytes).").ConfigureAwait(false);
            }
            else
            {
                var kept = await backup.RestoreAsync(file, CancellationToken.None).ConfigureAwait(false);
                await output.WriteLineAsync($"Restored {Path.GetFullPath(file)} into {services.GetRequiredService<DatabaseLocation>().Path}"
                    + (kept is null ? "." : $"; the database it replaced is kept as {kept}.")).ConfigureAwait(false);
            }

            return ExitDone;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitFailed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"data {(backUp ? "backup" : "restore")}: {ex.Message}").ConfigureAwait(false);
            return ExitFailed;
        }
    }
}
