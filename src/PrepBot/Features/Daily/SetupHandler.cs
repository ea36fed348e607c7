using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PrepBot.Conversation;
using PrepBot.Learning;

namespace PrepBot.Features.Daily;

/// <summary>
/// <c>/setup daily|mix|cohort|show|pause|resume</c>: a server's daily question, for admins with Manage Server (the
/// router checks it; every sub-command is guild-only). A value that is not valid changes nothing and gets a reply
/// naming the option; a channel counts as valid once PrepBot has posted a short confirmation in it.
/// </summary>
public sealed partial class SetupHandler(
    DailyStore store, DailyScheduler scheduler, IMessenger messenger, TimeProvider time, ILogger<SetupHandler> logger)
{
    public const string ChannelOption = "channel";
    public const string TimeOption = "time";
    public const string TimeZoneOption = OptionSuggestions.TimeZoneOption;
    public const string StartOption = "start";

    private const string DateFormat = "yyyy-MM-dd";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(command);
        if (who.GuildId is not { } guildId)
        {
            return [Reply.Text($"`/{command.Path}` works inside a server channel, not here.")];
        }

        return command.Path switch
        {
            "setup daily" => [await DailyAsync(who, guildId, command, cancellationToken).ConfigureAwait(false)],
            "setup mix" => [await MixAsync(who, guildId, command, cancellationToken).ConfigureAwait(false)],
            "setup cohort" => [await CohortAsync(who, guildId, command, cancellationToken).ConfigureAwait(false)],
            "setup show" => [await ShowAsync(guildId, lead: null, cancellationToken).ConfigureAwait(false)],
            "setup pause" => [await PauseAsync(who, guildId, paused: true, cancellationToken).ConfigureAwait(false)],
            "setup resume" => [await PauseAsync(who, guildId, paused: false, cancellationToken).ConfigureAwait(false)],
            _ => throw new InvalidOperationException($"No handler for /{command.Path}."),
        };
    }

    /// <summary>A 24-hour time written H:mm or HH:mm; null otherwise.</summary>
    public static TimeOnly? ParseTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = TimePattern().Match(text.Trim());
        return match.Success
            ? new TimeOnly(int.Parse(match.Groups[1].Value, Invariant), int.Parse(match.Groups[2].Value, Invariant))
            : null;
    }

    private async Task<Reply> DailyAsync(LearnerIdentity who, string guildId, ResolvedCommand command, CancellationToken cancellationToken)
    {
        var channel = command.Get(ChannelOption) ?? string.Empty;
        var timeText = command.Get(TimeOption) ?? string.Empty;
        var zoneId = command.Get(TimeZoneOption) ?? string.Empty;
        if (ParseTime(timeText) is not { } postTime)
        {
            return Refuse($"`{TimeOption}` of `/setup daily` must be a 24-hour time written HH:mm, e.g. `09:00` or `18:30` (got `{timeText}`).");
        }

        // IANA ids only (Area/City, or UTC): the host may also know Windows names and abbreviations, which are not portable.
        if ((!zoneId.Contains('/', StringComparison.Ordinal) && zoneId != "UTC") || StudyCalendar.FindZone(zoneId) is null)
        {
            return Refuse($"`{TimeZoneOption}` of `/setup daily` must be an IANA time zone id such as `Europe/Berlin` or `America/New_York` (got `{zoneId}`).");
        }

        if (channel.Length == 0 || !channel.All(char.IsAsciiDigit))
        {
            return Refuse($"`{ChannelOption}` of `/setup daily` must be a channel of this server, picked from the list (got `{channel}`).");
        }

        if (!messenger.CanPost)
        {
            return Refuse("Daily questions are posted on Discord only; this transport cannot post to channels.");
        }

        try
        {
            var confirmation = new Reply
            {
                Markdown = $"📅 PrepBot will post a daily interview question in this channel every day at **{postTime.ToString("HH:mm", Invariant)}** ({zoneId}). Answer with the buttons under it; each answer counts as a review.",
                IsPrivate = false,
            };
            await messenger.PostAsync(channel, confirmation, nonce: null, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex) when (ex.Failure is DeliveryFailure.NotAllowed or DeliveryFailure.NotFound or DeliveryFailure.Refused)
        {
            LogChannelRefused(guildId, channel, ex.Failure);
            return Refuse($"`{ChannelOption}` of `/setup daily`: PrepBot cannot post in {ReplyText.Channel(channel)}. {ex.Message} Give PrepBot *View Channel*, *Send Messages* and *Create Public Threads* there, or pick another channel.");
        }

        var now = time.GetUtcNow();
        await store.UpdateSettingsAsync(guildId, who.UserId, now, s =>
        {
            s.ChannelId = channel;
            s.PostTime = postTime;
            s.TimeZoneId = zoneId;
            s.ScheduledSince = now;
        }, cancellationToken).ConfigureAwait(false);
        await scheduler.GuildChangedAsync(guildId, cancellationToken).ConfigureAwait(false);
        LogConfigured(guildId, channel, who.UserId);
        return await ShowAsync(guildId, "✅ Daily question set up.", cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> MixAsync(LearnerIdentity who, string guildId, ResolvedCommand command, CancellationToken cancellationToken)
    {
        var given = DailyMix.DayNames.Where(day => command.Get(day) is not null).ToList();
        if (given.Count == 0)
        {
            return Refuse($"`/setup mix` needs at least one day, e.g. `/setup mix mon:sql fri:behavioral`; each day takes {string.Join(", ", DailyMix.Values.Select(v => $"`{v}`"))}.");
        }

        var settings = await store.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false);
        var mix = DailyMix.Parse(settings?.Mix ?? DailyMix.Default.Format());
        foreach (var day in given)
        {
            var value = command.Get(day)!.ToLowerInvariant();
            if (!DailyMix.Values.Contains(value))
            {
                return Refuse($"`{day}` of `/setup mix` must be one of {string.Join(", ", DailyMix.Values.Select(v => $"`{v}`"))} (got `{value}`).");
            }

            mix = mix.With(day, value);
        }

        await store.UpdateSettingsAsync(guildId, who.UserId, time.GetUtcNow(), s => s.Mix = mix.Format(), cancellationToken).ConfigureAwait(false);
        return await ShowAsync(guildId, "✅ Mix changed.", cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> CohortAsync(LearnerIdentity who, string guildId, ResolvedCommand command, CancellationToken cancellationToken)
    {
        var text = (command.Get(StartOption) ?? string.Empty).Trim();
        if (!DateOnly.TryParseExact(text, DateFormat, Invariant, DateTimeStyles.None, out var start))
        {
            return Refuse($"`{StartOption}` of `/setup cohort` must be a date written YYYY-MM-DD, e.g. `2026-03-02` (got `{text}`).");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (Math.Abs(start.DayNumber - today.DayNumber) > 366)
        {
            return Refuse($"`{StartOption}` of `/setup cohort` must be within a year of today ({today.ToString(DateFormat, Invariant)}); got `{text}`.");
        }

        await store.UpdateSettingsAsync(guildId, who.UserId, time.GetUtcNow(), s => s.CohortStart = start, cancellationToken).ConfigureAwait(false);
        return await ShowAsync(guildId, $"✅ The cohort's week 1 starts on **{DailyPresenter.Day(start)}**.", cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> PauseAsync(LearnerIdentity who, string guildId, bool paused, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.UpdateSettingsAsync(guildId, who.UserId, now, s =>
        {
            // Resuming does not owe today's question if its time passed while paused.
            s.ScheduledSince = paused ? s.ScheduledSince : now;
            s.Paused = paused;
        }, cancellationToken).ConfigureAwait(false);
        await scheduler.GuildChangedAsync(guildId, cancellationToken).ConfigureAwait(false);
        return await ShowAsync(guildId, paused ? "⏸️ Daily question paused: nothing is posted until `/setup resume`." : "▶️ Daily question resumed.", cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<Reply> ShowAsync(string guildId, string? lead, CancellationToken cancellationToken)
    {
        var settings = await store.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.Append(lead).Append("\n\n");
        }

        text.Append("**Daily question of this server**\n\n");
        if (settings is null)
        {
            text.Append("Not set up yet. Start with `/setup daily channel:#channel time:09:00 timezone:Europe/Berlin`.\n\n");
            text.Append("- Mix: ").Append(DailyMix.Default.Describe()).Append(" (default)");
            return Reply.Text(text.ToString());
        }

        var zone = StudyCalendar.FindZone(settings.TimeZoneId ?? string.Empty);
        text.Append(settings.ChannelId is { } channel && settings.PostTime is { } at && zone is not null
            ? $"- Where and when: {ReplyText.Channel(channel)} at {at.ToString("HH:mm", Invariant)} ({settings.TimeZoneId})\n"
            : "- Where and when: not set — `/setup daily channel:#channel time:09:00 timezone:Europe/Berlin`\n");
        text.Append("- Mix: ").Append(DailyMix.Parse(settings.Mix).Describe()).Append('\n');
        var today = zone is null ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) : DailySchedule.LocalDate(time.GetUtcNow(), zone);
        text.Append(settings.CohortStart is { } start
            ? $"- Cohort: week 1 started {DailyPresenter.Day(start)}; today is week {DailyCardChooser.CohortWeek(start, today)} — questions come from weeks 1–{DailyCardChooser.CohortWeek(start, today)}\n"
            : "- Cohort: no start set — questions come from all 16 weeks (`/setup cohort start:YYYY-MM-DD`)\n");
        if (settings.Paused)
        {
            text.Append("- State: ⏸️ paused (`/setup resume`)\n");
        }
        else if (await scheduler.NextAsync(settings, after: null, cancellationToken).ConfigureAwait(false) is { } next && zone is not null)
        {
            var local = TimeZoneInfo.ConvertTime(next.At, zone);
            text.Append(Invariant, $"- Next question: {DailyPresenter.Day(next.Date)} at {local:HH:mm}");
            var kind = DailyMix.Parse(settings.Mix).On(next.Date.DayOfWeek);
            text.Append(kind is null ? " (an off day: nothing is posted)\n" : $" ({DailyMix.Label(kind.Value)})\n");
        }

        text.Append(Invariant, $"- Last changed by {ReplyText.Mention(settings.UpdatedByUserId)} on {settings.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return Reply.Text(text.ToString());
    }

    private static Reply Refuse(string message) => Reply.Text("⚠️ " + message + " Nothing was changed.");

    [GeneratedRegex(@"^([01]?[0-9]|2[0-3]):([0-5][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily question of {GuildId} set to channel {ChannelId} by {UserId}")]
    private partial void LogConfigured(string guildId, string channelId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily question of {GuildId}: Discord refused a post in channel {ChannelId} ({Failure})")]
    private partial void LogChannelRefused(string guildId, string channelId, DeliveryFailure failure);
}
