using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PrepBot.Data;
using PrepBot.Discord;
using PrepBot.Operations.Backups;
using PrepBot.Scheduling;
using PrepBot.Telemetry;

namespace PrepBot.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>The .NET runtime's own meter (JIT, GC, thread pool, CPU): where an interaction's time goes besides PrepBot's code.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>
    /// What a host of the bot on Discord watches: readiness checks (gateway, database, scheduler, content), OpenTelemetry
    /// metrics from <see cref="PrepBotMetrics"/> and <see cref="DiscordMetrics"/> (unless <c>Health:Metrics</c> is false),
    /// and the <see cref="HealthServer"/> that serves them. Call after <c>AddDiscordTransport</c>.
    /// </summary>
    public static IServiceCollection AddPrepBotOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();

        string[] ready = [HealthServer.ReadyTag];
        services.AddHealthChecks()
            .AddCheck<GatewayHealthCheck>("gateway", tags: ready)
            .AddCheck<DatabaseHealthCheck>("database", tags: ready)
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: ready)
            .AddCheck<ContentHealthCheck>("content", tags: ready);

        var options = configuration.GetSection(HealthOptions.SectionName).Get<HealthOptions>() ?? new HealthOptions();
        if (options.Metrics)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("prepbot"))
                .WithMetrics(metrics => metrics
                .AddMeter(PrepBotMetrics.MeterName, DiscordMetrics.MeterName, RuntimeMeterName)
                .AddPrometheusExporter());
            services.AddHostedService<SchedulerMetricsRegistration>();
        }

        services.AddPrepBotBackups();
        services.AddSingleton<IScheduleRegistrar, DailyBackupScheduleRegistrar>();

        services.AddSingleton<HealthServer>();
        services.AddHostedService(provider => provider.GetRequiredService<HealthServer>());
        return services;
    }

    /// <summary>
    /// <see cref="DatabaseBackupStore"/> for <c>data backup</c> / <c>data restore</c>, and the lock a running bot holds on its
    /// database (<see cref="DatabaseLock"/>) so that a restore can tell.
    /// </summary>
    public static IServiceCollection AddPrepBotBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>());
        services.TryAddSingleton<DatabaseBackupStore>();
        services.TryAddSingleton<DatabaseLock>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DatabaseLock>(provider => provider.GetRequiredService<DatabaseLock>()));
        return services;
    }
}
