using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Data;
using PrepBot.Data.Postgres;
using PrepBot.Discord;
using PrepBot.DiscordFrontEnd;
using PrepBot.Features.Cards;
using PrepBot.Features.SqlPractice;
using PrepBot.Features.Study;
using PrepBot.Learning.Fsrs;
using PrepBot.Operations;
using PrepBot.Operations.Backups;
using PrepBot.Scheduling;
using PrepBot.Terminal;

namespace PrepBot.Hosting;

/// <summary>What <c>Program.cs</c> runs: picks the mode from the command line and runs it to an exit code.</summary>
public static class PrepBotApp
{
    public const int ExitOk = 0;
    public const int ExitProblems = 1;
    public const int ExitBadConfiguration = 2;
    public const int ExitDiscordFailed = 3;

    /// <param name="args">The command line.</param>
    /// <param name="configure">Lets tests swap services (a string-backed terminal, a fake clock) before the host is built.</param>
    /// <param name="output">Where reports and usage go; standard output by default.</param>
    /// <param name="error">Where problems and configuration errors go; standard error by default.</param>
    /// <param name="input">What <c>sql try … -</c> reads the query from; standard input by default.</param>
    public static async Task<int> RunAsync(
        string[] args, Action<HostApplicationBuilder>? configure = null, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        input ??= Console.In;
        var launch = LaunchCommand.Parse(args);
        if (launch.Mode == LaunchMode.Help || launch.Error is not null)
        {
            if (launch.Error is not null)
            {
                await error.WriteLineAsync(launch.Error).ConfigureAwait(false);
            }

            await output.WriteLineAsync(LaunchCommand.Usage).ConfigureAwait(false);
            return launch.Error is null ? ExitOk : ExitBadConfiguration;
        }

        var builder = PrepBotHost.CreateBuilder(launch.HostArguments);
        try
        {
            if (launch.Mode == LaunchMode.ContentCheck)
            {
                configure?.Invoke(builder);
                return RunContentCheck(builder, launch.ContentDirectory, output, error);
            }

            if (launch.Mode == LaunchMode.ContentStats)
            {
                builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                configure?.Invoke(builder);
                return await RunContentStatsAsync(builder, launch.MinReviews, output, error).ConfigureAwait(false);
            }

            if (launch.Mode == LaunchMode.SrsEvaluate)
            {
                builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                configure?.Invoke(builder);
                return await RunSrsEvaluateAsync(builder, launch.LogFile, output, error).ConfigureAwait(false);
            }

            if (launch.Mode == LaunchMode.SqlTry)
            {
                // The feedback is the output: only warnings and errors are logged (to standard error).
                builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                configure?.Invoke(builder);
                using var services = builder.Services.BuildServiceProvider();
                services.GetService<IStartupValidator>()?.Validate();
                return services.GetRequiredService<SqlTryCommand>().Run(launch.SqlCard!, launch.SqlQuery!, input, output, error);
            }

            if (launch.Mode is LaunchMode.DataBackup or LaunchMode.DataRestore)
            {
                builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                configure?.Invoke(builder);
                return await DataCommand.RunAsync(builder, launch.Mode == LaunchMode.DataBackup, launch.DataFile!, output, error).ConfigureAwait(false);
            }

            if (launch.Mode == LaunchMode.DataCopy)
            {
                builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                configure?.Invoke(builder);
                return await DataCommand.RunCopyAsync(builder, launch.PostgresTarget!, output, error).ConfigureAwait(false);
            }

            var hasToken = builder.Configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>()?.HasToken ?? false;
            if (launch.Mode == LaunchMode.Default && hasToken)
            {
                return await RunDiscordAsync(builder, configure, output, error).ConfigureAwait(false);
            }

            var why = launch.Mode == LaunchMode.Practice
                ? "Local practice session"
                : "No Discord token configured (set PrepBot__Discord__Token to run on Discord), so this is a local practice session";
            AddPractice(builder, why);
            configure?.Invoke(builder);

            using var host = builder.Build();

            // Check every setting before anything starts, so a bad one is one clear line, not a host failure log.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await CheckDatabaseAsync(host.Services).ConfigureAwait(false);
            await host.RunAsync().ConfigureAwait(false);
            return ExitOk;
        }
        catch (Exception ex) when (ConfigurationErrors(ex) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                await error.WriteLineAsync($"Configuration error: {failure}").ConfigureAwait(false);
            }

            return ExitBadConfiguration;
        }
    }

    /// <summary>The messages of a bad-settings failure (each names its key), or none when it is another kind of failure.</summary>
    private static List<string> ConfigurationErrors(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(ConfigurationErrors)],
        DatabaseUnavailableException database => [database.Message],
        DatabaseNotSupportedException provider => [provider.Message],
        InvalidOperationException conversion when conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [conversion.Message],
        _ => [],
    };

    /// <summary>After the settings are validated: with <c>Data:Provider=Postgres</c>, an unreachable PostgreSQL as a configuration error.</summary>
    internal static Task CheckDatabaseAsync(IServiceProvider services) =>
        PostgresStartCheck.EnsureCanRunAsync(services.GetRequiredService<IOptions<DataOptions>>().Value, CancellationToken.None);

    /// <summary>Runs the bot on Discord until stopped (Ctrl+C, SIGTERM) or until Discord refuses it for good.</summary>
    private static async Task<int> RunDiscordAsync(HostApplicationBuilder builder, Action<HostApplicationBuilder>? configure, TextWriter output, TextWriter error)
    {
        var data = builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>();
        builder.Services.AddPrepBotScheduling(data?.IsPostgres == true ? builder.Configuration.GetConnectionString("PrepBot") : null);
        builder.Services.AddPrepBotQuizWarmUp(); // before the gateway connects: the first learners find /quiz compiled
        builder.Services.AddDiscordTransport(builder.Configuration);
        builder.Services.AddPrepBotOperations(builder.Configuration);
        configure?.Invoke(builder);
        using var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        await CheckDatabaseAsync(host.Services).ConfigureAwait(false);

        // Health and metrics listen before anything connects, and a URL that cannot be bound is a configuration error.
        await host.Services.GetRequiredService<HealthServer>().ListenAsync(CancellationToken.None).ConfigureAwait(false);
        var discord = host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var content = host.Services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory;
        var database = host.Services.GetRequiredService<DatabaseLocation>().Display;
        await output.WriteLineAsync(
            $"Running on Discord (token from configuration, API {discord.ApiBaseUrl}) with the cards in {content}, progress saved in {database}. Ctrl+C stops.")
            .ConfigureAwait(false);
        var status = host.Services.GetRequiredService<DiscordStatus>();
        await host.RunAsync().ConfigureAwait(false);
        if (status.Failure is { } failure)
        {
            await error.WriteLineAsync($"Discord error: {failure}").ConfigureAwait(false);
            return ExitDiscordFailed;
        }

        return ExitOk;
    }

    private static void AddPractice(HostApplicationBuilder builder, string why)
    {
        builder.Services.AddTerminalTransport(why);
        builder.Services.AddPrepBotBackups(); // the database lock, so data restore sees the session

        // The terminal is the learner's screen: only warnings and errors are logged there (to standard error),
        // and a failed start is reported by RunAsync in one line rather than as the host's stack trace.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    /// <summary>
    /// <c>content stats</c>: the database must exist (nothing is created for a report); it is brought to the latest schema as
    /// the bot would at start, then read.
    /// </summary>
    private static async Task<int> RunContentStatsAsync(HostApplicationBuilder builder, int minReviews, TextWriter output, TextWriter error)
    {
        await using var services = builder.Services.BuildServiceProvider();
        services.GetService<IStartupValidator>()?.Validate();
        await CheckDatabaseAsync(services).ConfigureAwait(false);
        var location = services.GetRequiredService<DatabaseLocation>();
        var database = location.Display;
        if (!location.IsPostgres && !File.Exists(location.Path))
        {
            await error.WriteLineAsync($"content stats: there is no database at '{database}' (Data:DatabasePath), so no review to count yet.").ConfigureAwait(false);
            return ExitBadConfiguration;
        }

        await ActivatorUtilities.CreateInstance<DatabaseMigrator>(services).StartAsync(CancellationToken.None).ConfigureAwait(false);
        await services.GetRequiredService<ContentStatsCommand>().RunAsync(minReviews, database, output, CancellationToken.None).ConfigureAwait(false);
        return ExitOk;
    }

    /// <summary>
    /// <c>srs evaluate</c>: a CSV given with <c>--log</c> must exist; without it, the bot's database must exist (nothing is
    /// created for a report) and is brought to the latest schema as the bot would at start, then read.
    /// </summary>
    private static async Task<int> RunSrsEvaluateAsync(HostApplicationBuilder builder, string? logFile, TextWriter output, TextWriter error)
    {
        if (logFile is not null)
        {
            if (!File.Exists(logFile))
            {
                await error.WriteLineAsync($"srs evaluate: --log: there is no file at '{Path.GetFullPath(logFile)}'.").ConfigureAwait(false);
                return ExitBadConfiguration;
            }

            return SrsEvaluateCommand.RunOnFile(logFile, output, error);
        }

        await using var services = builder.Services.BuildServiceProvider();
        services.GetService<IStartupValidator>()?.Validate();
        await CheckDatabaseAsync(services).ConfigureAwait(false);
        var location = services.GetRequiredService<DatabaseLocation>();
        var database = location.Display;
        if (!location.IsPostgres && !File.Exists(location.Path))
        {
            await error.WriteLineAsync($"srs evaluate: there is no database at '{database}' (Data:DatabasePath), so no review to evaluate; give a review log with --log FILE.").ConfigureAwait(false);
            return ExitBadConfiguration;
        }

        await ActivatorUtilities.CreateInstance<DatabaseMigrator>(services).StartAsync(CancellationToken.None).ConfigureAwait(false);
        return await services.GetRequiredService<SrsEvaluateCommand>().RunOnDatabaseAsync(database, output, error, CancellationToken.None).ConfigureAwait(false);
    }

    private static int RunContentCheck(HostApplicationBuilder builder, string? directory, TextWriter output, TextWriter error)
    {
        using var services = builder.Services.BuildServiceProvider();
        var folder = directory is null
            ? services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory
            : Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"content check: folder '{folder}' does not exist.");
            return ExitBadConfiguration;
        }

        var report = services.GetRequiredService<ContentChecker>().Check(folder);
        foreach (var problem in report.Problems)
        {
            error.WriteLine(problem.ToString());
        }

        if (report.HasProblems)
        {
            error.WriteLine($"{report.Problems.Count} problem(s) in {folder}.");
            return ExitProblems;
        }

        output.WriteLine(report.Summary());
        return ExitOk;
    }
}
