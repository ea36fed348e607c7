using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Features.Reminders;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>The reminder DM end to end: Quartz on a fake clock, the DM over the loopback fake Discord, the button starting /review.</summary>
public sealed class DiscordReminderTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-reminders-");
    private readonly FakeDiscordServer _discord = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

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

    /// <summary>Waits (real time, bounded) until the reminder job has run at or after <paramref name="at"/> on the fake clock.</summary>
    private static async Task RunAtAsync(ReminderService reminders, DateTimeOffset at)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRun(object? sender, ReminderRunEventArgs e)
        {
            if (e.At >= at)
            {
                ran.TrySetResult();
            }
        }

        reminders.RunCompleted += OnRun;
        try
        {
            if (reminders.LastRunAt < at || reminders.LastRunAt is null)
            {
                await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            reminders.RunCompleted -= OnRun;
        }
    }

    [Fact]
    public async Task A_learner_with_a_review_due_gets_one_dm_at_six_and_its_button_starts_the_review()
    {
        var learner = FakeUser.DefaultLearner;
        var database = Path.Combine(_data.FullName, "bot.db");
        await using (var monday = await DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, database, _clock))
        {
            var question = await monday.AskAsync(FakeInteraction.SlashCommand("quiz"));
            var revealed = await monday.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
            await monday.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good"))); // due Tuesday 04:00 UTC
        }

        // The bot comes back on Tuesday shortly before six (the default reminder time); the job runs every minute.
        _clock.Advance(new DateTimeOffset(2026, 3, 3, 17, 58, 0, TimeSpan.Zero) - _clock.GetUtcNow());
        await using var bot = await DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, database, _clock);
        var reminders = bot.Services.GetRequiredService<ReminderService>();
        await RunAtAsync(reminders, _clock.GetUtcNow());
        Assert.Empty(_discord.GetDirectMessages(learner.Id));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunAtAsync(reminders, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var dms = await _discord.WaitForDirectMessagesAsync(learner.Id, 1, cancellationToken: TestContext.Current.CancellationToken);
        var reminder = Assert.Single(dms);
        Assert.Contains("1 card is due", reminder.Content, StringComparison.Ordinal);
        var review = await bot.AskAsync(FakeInteraction.Button(reminder, CommandButtons.Review));
        Assert.Contains("**Review**", review.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }
}
