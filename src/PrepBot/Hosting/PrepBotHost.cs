using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PrepBot.Content;
using PrepBot.Data;
using PrepBot.Features;
using PrepBot.Learning;

namespace PrepBot.Hosting;

/// <summary>Builds PrepBot's Generic Host: configuration, logging and one <c>AddPrepBotXyz</c> call per area.</summary>
public static class PrepBotHost
{
    /// <summary>Environment variables with this prefix override settings: <c>PrepBot__Discord__Token</c> sets <c>Discord:Token</c>.</summary>
    public const string EnvironmentPrefix = "PrepBot__";

    /// <summary>
    /// Settings come from, later ones winning: <c>appsettings.json</c> beside the program, <c>appsettings.json</c>
    /// (and <c>appsettings.{Environment}.json</c>) in the app root, user-secrets, <c>PrepBot__</c> environment
    /// variables, and <c>--Section:Key=value</c> arguments.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] arguments, string? root = null)
    {
        root ??= AppRoot.Find();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments,
            ContentRootPath = root,
            EnvironmentName = environment,
            ApplicationName = "PrepBot",
        });

        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(root, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false)
            .AddUserSecrets(typeof(PrepBotHost).Assembly, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(arguments);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        // Logging:Console:FormatterName=json (the built-in JSON formatter, one object a line for log shippers) wins over the
        // single-line default; its options, such as IncludeScopes, come from Logging:Console:FormatterOptions.
        builder.Logging.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));

        // Standard output belongs to the practice session and the checker's report; logs go to standard error.
        builder.Logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPrepBotData();
        builder.Services.AddPrepBotLearning();
        builder.Services.AddPrepBotContent();
        builder.Services.AddPrepBotFeatures();
        return builder;
    }
}
