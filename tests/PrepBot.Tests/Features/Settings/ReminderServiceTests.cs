using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Reminders;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Settings;

/// <summary>
/// The daily reminder DM on a fake clock: Ada answers a card on Monday (due Tuesday 04:00); the default reminder time
/// is 18:00 in her zone (UTC unless a test changes it).
/// </summary>
public sealed class ReminderServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 3, 3, 18, 0, 0, TimeSpan.Zero);
    private static readonly LearnerIdentity Ada = BotHarness.Ada;
    private static readonly LearnerIdentity Grace = BotHarness.Grace;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-reminders-");
    private readonly FakeTimeProvider _clock = new(MondayMorning);
    private readonly RecordingMessenger _messenger = new();

    private string DatabasePath => Path.Combine(_data.FullName, "bot.db");

    public ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        _content.Write("concept/idempotency-retries.md", FlowCards.Reveal.Replace("id: concept-idempotency", "id: concept-idempotency-retries", StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<SettingsBot> StartAsync(params string[] settings) =>
        SettingsBot.StartAsync(_content.ContentDirectory, DatabasePath, _clock, _messenger, settings);

    private void AdvanceTo(DateTimeOffset instant)
    {
        while (_clock.GetUtcNow() < instant)
        {
            var step = instant - _clock.GetUtcNow();
            _clock.Advance(step > TimeSpan.FromHours(6) ? TimeSpan.FromHours(6) : step);
        }
    }

    [Fact]
    public async Task Due_reviews_at_the_reminder_time_send_one_dm_with_count_minutes_and_a_review_button()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good", "/quiz");
        AdvanceTo(TuesdayEvening);

        var report = await bot.RunRemindersAsync();

        var dm = Assert.Single(_messenger.To(Ada.UserId));
        Assert.Contains("1 card is due, about 1 minute", dm.Reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(CommandButtons.Review, Assert.Single(dm.Reply.Buttons).CustomId);
        Assert.Equal(1, report.Sent);
        var settings = await bot.ReminderStateAsync(Ada);
        Assert.Equal(ReminderOutcome.Sent, settings!.ReminderOutcome);
        Assert.Equal(new DateOnly(2026, 3, 3), settings.ReminderDay);
        Assert.Equal("dm-" + Ada.UserId, settings.DmChannelId);
    }

    [Fact]
    public async Task The_reminder_dm_says_how_many_days_are_left_until_the_interview()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good", "/quiz");
        await bot.TypeAsync(Ada, "/me interview date:2026-03-15 title:\"Data engineer, Acme\"");
        AdvanceTo(TuesdayEvening);

        await bot.RunRemindersAsync();

        var dm = Assert.Single(_messenger.To(Ada.UserId));
        Assert.Contains("🎯 12 days left until your interview (Data engineer, Acme).", dm.Reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_interview_the_reminder_dm_has_no_countdown()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good", "/quiz");
        AdvanceTo(TuesdayEvening);

        await bot.RunRemindersAsync();

        Assert.DoesNotContain("🎯", Assert.Single(_messenger.To(Ada.UserId)).Reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_reminder_time_nothing_is_sent()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        AdvanceTo(TuesdayEvening.AddMinutes(-1));

        await bot.RunRemindersAsync();

        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task Nothing_due_sends_no_dm_and_is_not_checked_again_that_day()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        AdvanceTo(new DateTimeOffset(2026, 3, 2, 18, 5, 0, TimeSpan.Zero));

        var report = await bot.RunRemindersAsync();

        Assert.Empty(_messenger.Sent);
        Assert.Equal(1, report.NothingDue);
        Assert.Equal(ReminderOutcome.NothingDue, (await bot.ReminderStateAsync(Ada))!.ReminderOutcome);
    }

    [Fact]
    public async Task Running_twice_in_a_day_sends_one_dm()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        AdvanceTo(TuesdayEvening);

        await bot.RunRemindersAsync();
        _clock.Advance(TimeSpan.FromHours(3));
        await bot.RunRemindersAsync();

        Assert.Single(_messenger.To(Ada.UserId));
    }

    [Fact]
    public async Task A_restart_after_the_reminder_does_not_send_it_again_but_the_next_day_sends_one()
    {
        await using (var bot = await StartAsync())
        {
            await bot.AnswerAsync(Ada);
            AdvanceTo(TuesdayEvening);
            await bot.RunRemindersAsync();
        }

        _clock.Advance(TimeSpan.FromMinutes(30));
        await using (var restarted = await StartAsync())
        {
            await restarted.RunRemindersAsync();
            Assert.Single(_messenger.To(Ada.UserId));

            AdvanceTo(TuesdayEvening.AddDays(1));
            await restarted.RunRemindersAsync();
        }

        Assert.Equal(2, _messenger.To(Ada.UserId).Count);
    }

    [Fact]
    public async Task A_reminder_claimed_but_not_sent_before_a_crash_goes_out_once_after_the_restart_with_the_same_nonce()
    {
        await using (var bot = await StartAsync())
        {
            await bot.AnswerAsync(Ada);
            AdvanceTo(TuesdayEvening);
            await bot.RunRemindersAsync();

            // As if the process died between the claim and Discord's answer: the row still says Pending.
            await using var db = await bot.DbAsync();
            await db.ReminderDeliveries.ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderOutcome, ReminderOutcome.Pending), TestContext.Current.CancellationToken);
        }

        await using (var restarted = await StartAsync())
        {
            await restarted.RunRemindersAsync();
            Assert.Equal(ReminderOutcome.Sent, (await restarted.ReminderStateAsync(Ada))!.ReminderOutcome);
        }

        var dm = Assert.Single(_messenger.To(Ada.UserId));
        Assert.Equal(ReminderService.Nonce(1, new DateOnly(2026, 3, 3)), dm.Nonce);
    }

    [Fact]
    public async Task A_paused_learner_gets_no_reminder()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        AdvanceTo(TuesdayEvening.AddHours(-10));
        await bot.TypeAsync(Ada, "/me pause days:2");
        AdvanceTo(TuesdayEvening);

        await bot.RunRemindersAsync();

        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task Reminder_off_sends_nothing_and_a_chosen_time_is_used()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Grace);
        await bot.TypeAsync(Ada, "/me reminder time:off");
        await bot.TypeAsync(Grace, "/me reminder time:07:30");
        AdvanceTo(new DateTimeOffset(2026, 3, 3, 7, 30, 0, TimeSpan.Zero));

        await bot.RunRemindersAsync();
        AdvanceTo(TuesdayEvening);
        await bot.RunRemindersAsync();

        Assert.Empty(_messenger.To(Ada.UserId));
        Assert.Single(_messenger.To(Grace.UserId));
    }

    [Fact]
    public async Task Closed_dms_are_recorded_and_not_retried_the_next_days_until_the_learner_answers_a_card()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Again");
        _messenger.SetCannotDm(Ada.UserId);
        AdvanceTo(TuesdayEvening);

        await bot.RunRemindersAsync();
        var settings = await bot.ReminderStateAsync(Ada);
        Assert.True(settings!.DmClosed);
        Assert.Equal(ReminderOutcome.Failed, settings.ReminderOutcome);
        Assert.Contains("50007", settings.DmFailureReason, StringComparison.Ordinal);
        Assert.Contains("do not accept DMs", await bot.TypeAsync(Ada, "/me show"), StringComparison.Ordinal);

        AdvanceTo(TuesdayEvening.AddDays(1));
        await bot.RunRemindersAsync();
        AdvanceTo(TuesdayEvening.AddDays(2));
        await bot.RunRemindersAsync();
        Assert.Equal(1, _messenger.Refused);

        _messenger.SetCannotDm(Ada.UserId, false);
        await bot.AnswerAsync(Ada, "Again", "/review");
        AdvanceTo(TuesdayEvening.AddDays(3));
        await bot.RunRemindersAsync();
        Assert.Single(_messenger.To(Ada.UserId));
    }

    [Fact]
    public async Task Closed_dms_are_tried_again_once_the_learner_changes_a_setting()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Again");
        _messenger.SetCannotDm(Ada.UserId);
        AdvanceTo(TuesdayEvening);
        await bot.RunRemindersAsync();
        AdvanceTo(TuesdayEvening.AddDays(1));
        await bot.RunRemindersAsync();
        Assert.Equal(1, _messenger.Refused);

        _messenger.SetCannotDm(Ada.UserId, false);
        AdvanceTo(TuesdayEvening.AddDays(1).AddMinutes(5));
        await bot.TypeAsync(Ada, "/me reminder time:18:00");
        Assert.DoesNotContain("do not accept DMs", await bot.TypeAsync(Ada, "/me show"), StringComparison.Ordinal);
        AdvanceTo(TuesdayEvening.AddDays(2));
        await bot.RunRemindersAsync();

        Assert.Single(_messenger.To(Ada.UserId));
        Assert.False((await bot.ReminderStateAsync(Ada))!.DmClosed);
    }

    [Fact]
    public async Task Closed_dms_are_tried_again_after_the_retry_period()
    {
        await using var bot = await StartAsync("--Reminders:RetryClosedDmsAfterDays=3");
        await bot.AnswerAsync(Ada, "Again");
        _messenger.SetCannotDm(Ada.UserId);
        AdvanceTo(TuesdayEvening);
        await bot.RunRemindersAsync();

        for (var day = 1; day <= 3; day++)
        {
            AdvanceTo(TuesdayEvening.AddDays(day));
            await bot.RunRemindersAsync();
        }

        Assert.Equal(2, _messenger.Refused);
    }

    [Fact]
    public async Task Moving_west_after_the_days_reminder_does_not_send_a_second_one_the_same_local_day()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me timezone timezone:Europe/Berlin");
        await bot.AnswerAsync(Ada);
        AdvanceTo(new DateTimeOffset(2026, 3, 3, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Berlin
        await bot.RunRemindersAsync();
        Assert.Single(_messenger.To(Ada.UserId));

        await bot.TypeAsync(Ada, "/me timezone timezone:America/Los_Angeles");
        AdvanceTo(new DateTimeOffset(2026, 3, 4, 2, 0, 0, TimeSpan.Zero)); // 18:00 on Tuesday in Los Angeles
        await bot.RunRemindersAsync();

        Assert.Single(_messenger.To(Ada.UserId));
    }
}
