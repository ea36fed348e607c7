using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Reminders;
using PrepBot.Features.Study;
using PrepBot.Learning;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Features.Settings;

/// <summary>
/// <c>/me show|timezone|reminder|pause|cap|forget</c>: a learner's own settings, the state of their reminder DMs, and
/// deleting their data. Every reply is private.
/// </summary>
public sealed class MeHandler(
    LearnerSettingsStore settingsStore,
    PauseStore pauses,
    ReminderStore reminderStore,
    DailyCaps caps,
    CardPicker picker,
    LearnerStore learners,
    FsrsProfileStore schedulers,
    InterviewStore interviews,
    IMessenger messenger,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> ShowAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = time.GetUtcNow();
        var settings = await settingsStore.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var pause = await pauses.CurrentAsync(learner.Id, learner.Zone, cancellationToken).ConfigureAwait(false);
        var allowance = await caps.GetAsync(learner, cancellationToken, countEvenWithoutCaps: true).ConfigureAwait(false);
        var due = await picker.CountDueAsync(learner.Id, now, cancellationToken).ConfigureAwait(false);
        var delivery = await reminderStore.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var profile = await schedulers.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var interview = await interviews.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var local = TimeZoneInfo.ConvertTime(now, learner.Zone);
        var reminderTime = ReminderTimeOf(settings);

        var text = new StringBuilder("**Your settings**\n");
        text.Append(CultureInfo.InvariantCulture, $"- Time zone: `{learner.Learner.TimeZoneId}` (it is {local:ddd d MMM, HH:mm} there) — `/me timezone`\n");
        text.Append("- Reminder: ").Append(reminderTime is { } at ? $"daily at {ReminderTimes.Format(at)} when reviews are due" : "off")
            .Append(settings.ReminderTime is null && !settings.ReminderOff ? " (the default)" : string.Empty).Append(" — `/me reminder`\n");
        text.Append("- Daily caps: ").Append(Cap("reviews", allowance.ReviewCap, allowance.ReviewsDone)).Append(", ")
            .Append(Cap("new cards", allowance.NewCap, allowance.NewDone)).Append(" — `/me cap`\n");
        text.Append("- Scheduler: ").Append(profile.Scheduler == SchedulerKind.Fsrs
                ? string.Create(CultureInfo.InvariantCulture, $"FSRS-6, target retention {profile.Parameters.DesiredRetention:0.#%}, {(profile.Fitted ? "weights fitted to your reviews" : "default weights")}")
                : "SM-2 (the default)")
            .Append(" — `/me scheduler`, `/me retention`, `/me optimize`\n");
        text.Append("- Interview: ").Append(Interview(interview, StudyCalendar.StudyDay(now, learner.Zone))).Append(" — `/me interview`\n");
        text.Append("- Pause: ").Append(pause is null ? "none" : $"until {Day(pause.LastDay)} (from {Day(pause.FirstDay)})").Append(" — `/me pause`\n");
        text.Append(CultureInfo.InvariantCulture, $"- Due now: {due} card{(due == 1 ? string.Empty : "s")}\n");
        text.Append("\n**Reminder DMs** — ").Append(WhyReminder(learner, settings, delivery, reminderTime, pause, due, local));
        return [Reply.Text(text.ToString())];
    }

    public async Task<IReadOnlyList<Reply>> TimeZoneAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var typed = command.Get(OptionSuggestions.TimeZoneOption)?.Trim() ?? string.Empty;
        var zone = typed.Contains('/', StringComparison.Ordinal) || typed == "UTC" ? StudyCalendar.FindZone(typed) : null;
        if (zone is null)
        {
            var suggestion = OptionSuggestions.SuggestTimeZones(typed) is [var first, ..] ? first : null;
            return [Reply.Text($"`/me timezone`: `{typed}` is not a time zone I know. Write an IANA id such as `Europe/Berlin` or `America/New_York`"
                + (suggestion is null ? "." : $" — did you mean `{suggestion.Value}`?"))];
        }

        var changed = await learners.SetTimeZoneAsync(learner.Id, zone.Id, cancellationToken).ConfigureAwait(false);
        await settingsStore.UpdateAsync(learner.Id, _ => { }, cancellationToken).ConfigureAwait(false);
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        return [Reply.Text(changed
            ? $"Time zone set to `{zone.Id}` (it is {local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)} there). Your days, streak and reminder follow it from now on; you still get at most one reminder a day."
            : $"Your time zone already is `{zone.Id}`.")];
    }

    public async Task<IReadOnlyList<Reply>> ReminderAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        if (!ReminderTimes.TryParse(command.Get(MeCommands.TimeOption), out var at, out var error))
        {
            return [Reply.Text($"`/me reminder time:` {error}")];
        }

        await settingsStore.UpdateAsync(
            learner.Id,
            s =>
            {
                s.ReminderTime = at;
                s.ReminderOff = at is null;
            },
            cancellationToken).ConfigureAwait(false);
        var where = messenger.CanPost ? string.Empty : " Reminders are Discord DMs, so they come only when you study on Discord.";
        return [Reply.Text(at is { } time
            ? $"Reminder set: a DM at {ReminderTimes.Format(time)} ({learner.Learner.TimeZoneId}) on days when reviews are due, never more than one a day.{where}"
            : "Reminders off. Turn them back on with `/me reminder time:18:00`.")];
    }

    public async Task<IReadOnlyList<Reply>> PauseAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var days = command.GetInt(MeCommands.DaysOption) ?? 0;
        if (days is < 0 or > PauseStore.MaxDays)
        {
            return [Reply.Text(string.Create(CultureInfo.InvariantCulture, $"`/me pause days:` must be from 0 to {PauseStore.MaxDays} (got {days})."))];
        }

        var result = await pauses.SetAsync(learner.Id, learner.Zone, days, cancellationToken).ConfigureAwait(false);
        if (result.Started is { } started)
        {
            return [Reply.Text(string.Create(
                CultureInfo.InvariantCulture,
                $"Paused until {Day(started.LastDay)} ({days} day{(days == 1 ? string.Empty : "s")}, from today). No reminders, your streak is frozen, and {result.CardsMoved} review{(result.CardsMoved == 1 ? string.Empty : "s")} falling due meanwhile moved out by {days} day{(days == 1 ? string.Empty : "s")}, so nothing piles up. End it early with `/me pause days:0`."))];
        }

        return [Reply.Text(result.Ended is null
            ? "You are not paused. `/me pause days:<n>` pauses for n days."
            : string.Create(CultureInfo.InvariantCulture, $"Welcome back — pause ended. {result.CardsMoved} review{(result.CardsMoved == 1 ? string.Empty : "s")} moved back by the days you did not use. `/review` when you are ready."))];
    }

    public async Task<IReadOnlyList<Reply>> CapAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var reviews = command.GetInt(MeCommands.ReviewsOption);
        var fresh = command.GetInt(MeCommands.NewOption);
        if (reviews is null && fresh is null)
        {
            var current = await caps.GetAsync(learner, cancellationToken, countEvenWithoutCaps: true).ConfigureAwait(false);
            return [Reply.Text($"Daily caps: {Cap("reviews", current.ReviewCap, current.ReviewsDone)}, {Cap("new cards", current.NewCap, current.NewDone)}. "
                + "Set them with `/me cap reviews:<n> new:<n>` (0 removes a limit).")];
        }

        foreach (var (name, value) in new[] { (MeCommands.ReviewsOption, reviews), (MeCommands.NewOption, fresh) })
        {
            if (value is < 0 or > MeCommands.MaxCap)
            {
                return [Reply.Text(string.Create(CultureInfo.InvariantCulture, $"`/me cap {name}:` must be from 0 to {MeCommands.MaxCap} (got {value})."))];
            }
        }

        await settingsStore.UpdateAsync(
            learner.Id,
            s =>
            {
                if (reviews is { } r)
                {
                    s.DailyReviewCap = r == 0 ? null : r;
                }

                if (fresh is { } n)
                {
                    s.DailyNewCap = n == 0 ? null : n;
                }
            },
            cancellationToken).ConfigureAwait(false);
        var now = await caps.GetAsync(learner, cancellationToken, countEvenWithoutCaps: true).ConfigureAwait(false);
        return [Reply.Text($"Daily caps set: {Cap("reviews", now.ReviewCap, now.ReviewsDone)}, {Cap("new cards", now.NewCap, now.NewDone)}. "
            + "`/quiz` and `/review` stop handing out cards at a cap until your next day starts (04:00 your time).")];
    }

    public IReadOnlyList<Reply> AskToForget(LearnerContext learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var confirmation = new ForgetConfirmation(learner.Id, learner.Learner.CreatedAt.ToUnixTimeMilliseconds(), time.GetUtcNow().ToUnixTimeSeconds());
        return [new Reply
        {
            Markdown = "**Delete everything PrepBot stores about you?** Your answers and review history, schedules, settings, streaks, "
                + "stories and mock interview results are deleted from the database — not hidden — and cannot be brought back. "
                + "Using PrepBot again later starts from scratch. The button works for 15 minutes.",
            Buttons =
            [
                new ReplyButton("Delete all my data", confirmation.Format(), ButtonStyle.Danger),
                new ReplyButton("Keep my data", ForgetConfirmation.Cancel),
            ],
        }];
    }

    /// <summary>
    /// A <c>me:</c> button, handled before the router enrols anyone (so a stale confirm cannot re-create the learner it
    /// deleted). Null when the id is not one of these buttons.
    /// </summary>
    public async Task<IReadOnlyList<Reply>?> HandleButtonAsync(LearnerIdentity who, string customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (customId == ForgetConfirmation.Cancel)
        {
            return [Reply.Text("Kept. Nothing was deleted.")];
        }

        if (!ForgetConfirmation.TryParse(customId, out var confirmation))
        {
            return null;
        }

        var learner = await learners.FindAsync(who.Platform, who.UserId, cancellationToken).ConfigureAwait(false);
        if (learner is null)
        {
            return [Reply.Text("PrepBot stores nothing about you (any more). Nothing to delete.")];
        }

        if (learner.Id != confirmation.LearnerId || learner.CreatedAt.ToUnixTimeMilliseconds() != confirmation.EnrolledAtMs)
        {
            return [Reply.Text("This button was not made for you (or for your current data), so it deletes nothing. To delete your own data, run `/me forget`.")];
        }

        if (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(confirmation.AskedAtSeconds) > ForgetConfirmation.Lifetime)
        {
            return [Reply.Text("This confirmation has expired; nothing was deleted. Run `/me forget` again if you still want to.")];
        }

        var deleted = await learners.ForgetAsync(learner.Id, learner.CreatedAt, cancellationToken).ConfigureAwait(false);
        return [Reply.Text(deleted
            ? "Done — everything PrepBot stored about you is deleted. Goodbye, and good luck with the interviews!"
            : "PrepBot stores nothing about you (any more). Nothing to delete.")];
    }

    private TimeOnly? ReminderTimeOf(LearnerSettings settings) =>
        settings.ReminderOff ? null : settings.ReminderTime ?? reminderOptions.Value.DefaultReminderTime;

    private string WhyReminder(
        LearnerContext learner, LearnerSettings settings, ReminderDelivery delivery, TimeOnly? reminderTime, PauseSpan? pause, int due, DateTimeOffset local)
    {
        if (!messenger.CanPost || learner.Learner.Platform != LearnerPlatforms.Discord)
        {
            return "reminders are Discord DMs; they come when you study with PrepBot on Discord.";
        }

        var today = DateOnly.FromDateTime(local.DateTime);
        var failure = delivery.DmClosed && delivery.DmFailedAt is { } failedAt && !(settings.UpdatedAt > failedAt)
            ? $"Discord refused my last DM ({Day(failedAt, learner.Zone)}) because you do not accept DMs from PrepBot (Discord error 50007). "
                + "Allow direct messages from this server's members (server menu → Privacy Settings). I try again once you answer a card or change a `/me` setting, "
                + $"or on {Day(failedAt.AddDays(reminderOptions.Value.RetryClosedDmsAfterDays), learner.Zone)}."
            : null;
        if (reminderTime is not { } at)
        {
            return "off, so none come. `/me reminder time:18:00` turns them on.";
        }

        if (pause is not null)
        {
            return $"paused until {Day(pause.LastDay)}: no reminders until then.";
        }

        if (failure is not null)
        {
            return failure;
        }

        var todayLine = delivery.ReminderDay == today ? delivery.ReminderOutcome switch
        {
            ReminderOutcome.Sent when delivery.ReminderSentAt is { } sentAt =>
                $"today's reminder went out at {TimeZoneInfo.ConvertTime(sentAt, learner.Zone).ToString("HH:mm", CultureInfo.InvariantCulture)}.",
            ReminderOutcome.NothingDue => $"nothing was due at {ReminderTimes.Format(at)} today, so no DM came.",
            ReminderOutcome.Failed => $"today's DM failed: {delivery.DmFailureReason}",
            _ => "today's reminder is on its way.",
        } : null;
        var next = TimeOnly.FromDateTime(local.DateTime) < at && todayLine is null ? "today" : "tomorrow";
        return (todayLine is null ? string.Empty : todayLine + " ")
            + $"Next: {next} at {ReminderTimes.Format(at)}"
            + (due == 0 ? " if reviews are due by then (none are due now)." : " if reviews are due.");
    }

    private static string Cap(string what, int? cap, int done) => cap is { } limit
        ? string.Create(CultureInfo.InvariantCulture, $"{what} {limit} a day ({done} today)")
        : string.Create(CultureInfo.InvariantCulture, $"{what} unlimited ({done} today)");

    private static string Interview(InterviewDate? interview, DateOnly today)
    {
        if (interview is null)
        {
            return "none set";
        }

        var title = interview.Title is { } t ? $" ({t})" : string.Empty;
        var left = interview.DaysLeft(today) switch
        {
            < 0 => "passed",
            0 => "today",
            1 => "tomorrow",
            var days => string.Create(CultureInfo.InvariantCulture, $"in {days} days"),
        };
        return $"{interview.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}{title}, {left}";
    }

    private static string Day(DateOnly day) => day.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM", CultureInfo.InvariantCulture);
}
