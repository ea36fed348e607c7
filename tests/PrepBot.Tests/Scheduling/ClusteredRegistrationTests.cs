using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PrepBot.Data;
using PrepBot.Features.Memory;
using PrepBot.Features.Mock;
using PrepBot.Features.Reminders;
using PrepBot.Scheduling;
using PrepBot.Tests.Data.Postgres;
using Quartz;

namespace PrepBot.Tests.Scheduling;

/// <summary>
/// On PostgreSQL Quartz's triggers outlive the process: a restart, or a second process of the cluster, registers the same
/// schedules again. That must neither throw (ObjectAlreadyExistsException) nor leave two triggers for one job.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class ClusteredRegistrationTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_processes_and_a_restart_registering_the_same_schedules_leave_one_trigger_per_job()
    {
        await using var database = await server.CreateDatabaseAsync();
        var time = TimeProvider.System;
        var scheduled = new MockScheduledSession { Id = 42, GuildId = "1", ChannelId = "2", StartsAt = time.GetUtcNow().AddHours(2) };

        // Process A starts, process B starts, then process A restarts: three registrations of every schedule.
        foreach (var node in new[] { "node-a", "node-b", "node-a" })
        {
            await using var services = Node(node, database.ConnectionString);
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
            await new ReminderScheduleRegistrar(Options.Create(new ReminderOptions()), time).RegisterAsync(scheduler, Ct);
            await new WeeklyFsrsFitRegistrar(time).RegisterAsync(scheduler, Ct);
            var mock = new MockTriggers(new QuartzJobScheduling(services.GetRequiredService<ISchedulerFactory>()), time, NullLogger<MockTriggers>.Instance);
            await mock.ScheduleReminderAsync(scheduled, Ct);
            await scheduler.Shutdown(waitForJobsToComplete: false, Ct);
        }

        var triggers = await TriggersPerJobAsync(database.ConnectionString);
        Assert.Equal(
            [("memory", "fsrs-fit", 1L), ("mock", "mocks-42", 1L), ("reminders", "review-reminders", 1L)],
            triggers);
    }

    private static ServiceProvider Node(string instanceId, string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddQuartz(quartz =>
        {
            SchedulingServiceCollectionExtensions.UseClusteredPostgresStore(quartz, connectionString);
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceId = instanceId);
            quartz.UseDefaultThreadPool(1);
        });
        return services.BuildServiceProvider();
    }

    private static async Task<List<(string Group, string Job, long Triggers)>> TriggersPerJobAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT job_group, job_name, count(*) FROM qrtz_triggers GROUP BY job_group, job_name ORDER BY job_group, job_name", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
