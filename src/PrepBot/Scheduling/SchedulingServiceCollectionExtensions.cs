using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Quartz;

namespace PrepBot.Scheduling;

/// <summary>
/// Quartz.NET 4 as a hosted scheduler, on the host's <see cref="TimeProvider"/> (a <c>FakeTimeProvider</c> in tests drives
/// it). On SQLite triggers live in memory: the database is the record of what is scheduled and what already happened, and each
/// feature re-creates its triggers from it at start (an <see cref="IScheduleRegistrar"/>), so a restart neither loses nor
/// repeats anything. On PostgreSQL (a connection string given) Quartz keeps its triggers in its own tables there, clustered, so
/// that every process shares them and each fires on one node (see <see cref="UseClusteredPostgresStore"/>). The host adds it
/// explicitly where schedules run (on Discord); features reach it through <see cref="IJobScheduling"/>, which without this call
/// has no scheduler.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler's name: every process of one deployment shares it, which is what makes them one cluster.</summary>
    public const string SchedulerName = "PrepBot";

    /// <param name="services">The host's services.</param>
    /// <param name="postgresConnectionString">PostgreSQL's connection string for the clustered store; null keeps the in-memory store.</param>
    public static IServiceCollection AddPrepBotScheduling(this IServiceCollection services, string? postgresConnectionString = null)
    {
        services.AddQuartz(quartz =>
        {
            if (postgresConnectionString is null)
            {
                quartz.UseInMemoryStore();
            }
            else
            {
                UseClusteredPostgresStore(quartz, postgresConnectionString);
            }

            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 4);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleRegistrationService>();
        services.Replace(ServiceDescriptor.Singleton<IJobScheduling, QuartzJobScheduling>());
        return services;
    }

    /// <summary>
    /// Quartz's persistent ADO job store on PostgreSQL (its PostgreSQL delegate, through Npgsql), clustered: each process checks
    /// in every 7.5 s, and one that has not for 15 s more is taken for dead, its running jobs recovered and its triggers fired by
    /// the others. Job data is stored as JSON (System.Text.Json). Quartz creates its own <c>qrtz_</c> tables at start when they are
    /// missing (<c>ProvisionSchema</c>, Quartz's own DDL for the version in use), so the database account needs the right to
    /// create tables; it never alters or drops one.
    /// </summary>
    internal static void UseClusteredPostgresStore(IQuartzBuilder quartz, string connectionString)
    {
        quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = TimeSpan.FromSeconds(7.5);
                cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
            });
            store.ProvisionSchema();
        });
    }
}
