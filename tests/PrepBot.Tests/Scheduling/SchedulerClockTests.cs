using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.Tests.Support;
using Quartz;

namespace PrepBot.Tests.Scheduling;

/// <summary>The bot's Quartz scheduler runs on the host's clock, so tests make scheduled work due by advancing a fake clock.</summary>
public sealed class SchedulerClockTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-scheduler-");
    private readonly FakeDiscordServer _discord = new();

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_trigger_fires_when_the_fake_clock_reaches_it_and_not_before()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var bot = await DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), clock);
        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var fired = RecordingJob.Fired;

        await scheduler.ScheduleJob(
            JobBuilder.Create<RecordingJob>().WithIdentity("clock-test").Build(),
            TriggerBuilder.Create().StartAt(clock.GetUtcNow().AddMinutes(5)).Build(),
            cancellationToken: TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(fired.Task.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(1));
        var firedAt = await fired.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero), firedAt);
    }

    private sealed class RecordingJob : IJob
    {
        public static TaskCompletionSource<DateTimeOffset> Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fired.TrySetResult(context.ScheduledFireTimeUtc!.Value);
            return ValueTask.CompletedTask;
        }
    }
}
