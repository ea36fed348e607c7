using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrepBot.Data;
using PrepBot.Hosting;

namespace PrepBot.Operations.Backups;

/// <summary><c>data backup &lt;file&gt;</c> and <c>data restore &lt;file&gt;</c>: one line of result, exit 0, or one line of why not, exit 1.</summary>
internal static class DataCommand
{
    public static async Task<int> RunAsync(HostApplicationBuilder builder, LaunchCommand launch, TextWriter output, TextWriter error)
    {
        builder.Services.AddPrepBotBackups();
        await using var services = builder.Services.BuildServiceProvider();
        services.GetService<IStartupValidator>()?.Validate();
        var backup = services.GetRequiredService<DatabaseBackupStore>();
        try
        {
            if (launch.Mode == LaunchMode.DataBackup)
            {
                var file = await backup.BackupAsync(launch.DataFile!, CancellationToken.None).ConfigureAwait(false);
                await output.WriteLineAsync($"Backed up {services.GetRequiredService<DatabaseLocation>().Path} to {file.FullName} ({file.Length:N0} bytes).").ConfigureAwait(false);
            }
            else
            {
                var kept = await backup.RestoreAsync(launch.DataFile!, CancellationToken.None).ConfigureAwait(false);
                await output.WriteLineAsync($"Restored {Path.GetFullPath(launch.DataFile!)} into {services.GetRequiredService<DatabaseLocation>().Path}"
                    + (kept is null ? "." : $"; the database it replaced is kept as {kept}.")).ConfigureAwait(false);
            }

            return PrepBotApp.ExitOk;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return PrepBotApp.ExitProblems;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"data {(launch.Mode == LaunchMode.DataBackup ? "backup" : "restore")}: {ex.Message}").ConfigureAwait(false);
            return PrepBotApp.ExitProblems;
        }
    }
}
