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

    public static async Task<int> RunAsync(HostApplicationBuilder builder, bool backUp, string file, TextWriter output, TextWriter error)
    {
        builder.Services.AddPrepBotBackups();
        await using var services = builder.Services.BuildServiceProvider();
        services.GetService<IStartupValidator>()?.Validate();
        await PostgresStartCheck.EnsureCanRunAsync(services.GetRequiredService<IOptions<DataOptions>>().Value, CancellationToken.None).ConfigureAwait(false);
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
