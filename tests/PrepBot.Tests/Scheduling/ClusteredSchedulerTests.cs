using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PrepBot.Scheduling;
using PrepBot.Tests.Data.Postgres;
using Quartz;

namespace PrepBot.Tests.Scheduling;

/// <summary>Quartz's clustered job store on a real PostgreSQL: two schedulers (two "processes") share the triggers.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class ClusteredSchedulerTests(PostgresServer server)
{
    private const int Triggers = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_schedulers_in_one_cluster_fire_each_shared_trigger_exactly_once()
    {
        await using var database = await server.CreateDatabaseAsync();
        var recorder = new FiringRecorder(Triggers);
        await using var nodeA = Node("node-a", database.ConnectionString, recorder);
        await using var nodeB = Node("node-b", database.ConnectionString, recorder);
        var a = await nodeA.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var b = await nodeB.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        await a.Start(Ct);
        await b.Start(Ct);

        var job = JobBuilder.Create<RecordingJob>().WithIdentity("shared", "cluster-test").UsingJobData("card", "sql-window-functions").StoreDurably().Build();
        await a.AddJob(job, cancellationToken: Ct);
        for (var i = 0; i < Triggers; i++)
        {
            await a.ScheduleJob(TriggerBuilder.Create().WithIdentity($"t{i}", "cluster-test").ForJob(job.Key).StartNow().Build(), cancellationToken: Ct);
        }

        Assert.NotNull(await b.GetJobDetail(job.Key, Ct)); // the second node sees the job through the shared store
        await recorder.AllFired.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await a.Shutdown(waitForJobsToComplete: true, Ct);
        await b.Shutdown(waitForJobsToComplete: true, Ct);

        Assert.Equal(Triggers, recorder.Firings.Count);
        Assert.Equal(Triggers, recorder.Firings.Select(f => f.Trigger).Distinct().Count());
        Assert.All(recorder.Firings, f => Assert.Equal("sql-window-functions", f.Card));
        Assert.All(recorder.Firings, f => Assert.Contains(f.Node, new[] { "node-a", "node-b" }));
        var stored = await JobDataAsync(database.ConnectionString);
        Assert.StartsWith("{", stored, StringComparison.Ordinal);
        Assert.Contains("sql-window-functions", stored, StringComparison.Ordinal);
    }

    private static ServiceProvider Node(string instanceId, string connectionString, FiringRecorder recorder)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(recorder);
        services.AddQuartz(quartz =>
        {
            SchedulingServiceCollectionExtensions.UseClusteredPostgresStore(quartz, connectionString);
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceId = instanceId);
            quartz.UseDefaultThreadPool(2);
        });
        return services.BuildServiceProvider();
    }

    private static async Task<string> JobDataAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT convert_from(job_data, 'UTF8') FROM qrtz_job_details WHERE job_name = 'shared'", connection);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    public sealed class FiringRecorder(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<(string Trigger, string Node, string? Card)> Firings { get; } = new();

        public Task AllFired => _all.Task;

        public void Record(string trigger, string node, string? card)
        {
            Firings.Enqueue((trigger, node, card));
            if (Firings.Count >= expected)
            {
                _all.TrySetResult();
            }
        }
    }

    public sealed class RecordingJob(FiringRecorder recorder) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            recorder.Record(context.Trigger.Key.Name, context.Scheduler.SchedulerInstanceId, context.MergedJobDataMap.GetString("card"));
            return ValueTask.CompletedTask;
        }
    }
}
