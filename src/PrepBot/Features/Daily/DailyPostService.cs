using System.Globalization;
using Microsoft.Extensions.Logging;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.SqlPractice;
using PrepBot.Learning;

namespace PrepBot.Features.Daily;

/// <summary>
/// Posts a server's question of one local day, exactly once: the day is claimed in the database (with its card and a
/// nonce derived from server and day) before anything is sent, the message goes out with that nonce
/// (<c>enforce_nonce</c>), and only then is it marked posted. A run after a crash between sending and marking sends
/// again with the same nonce, which Discord answers with the first message instead of a second one. Then a thread is
/// started for discussion and the previous question's answer is posted in its thread.
/// </summary>
public sealed partial class DailyPostService(
    DailyStore store,
    DailyCardChooser chooser,
    CardCatalog catalog,
    IMessenger messenger,
    SqlCardPreview sqlPreview,
    ReplyLimits limits,
    TimeProvider time,
    ILogger<DailyPostService> logger)
{
    /// <summary>Runs the post of <paramref name="date"/> (the server's local day); does nothing when it is not due or already done.</summary>
    public async Task RunAsync(string guildId, DateOnly date, CancellationToken cancellationToken)
    {
        var settings = await store.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (settings is not { ChannelId: { } channelId, PostTime: not null } || StudyCalendar.FindZone(settings.TimeZoneId ?? string.Empty) is not { } zone)
        {
            LogNotConfigured(guildId);
            return;
        }

        if (settings.Paused)
        {
            LogPaused(guildId, date);
            return;
        }

        var today = DailySchedule.LocalDate(time.GetUtcNow(), zone);
        if (today != date)
        {
            // The bot was away all of that day: a question is never posted on a later day.
            LogMissedDay(guildId, date, today);
            return;
        }

        var post = await store.GetPostAsync(guildId, date, cancellationToken).ConfigureAwait(false);
        if (post is null)
        {
            if (DailyMix.Parse(settings.Mix).On(date.DayOfWeek) is not { } kind)
            {
                LogDayOff(guildId, date);
                return;
            }

            if (await chooser.ChooseAsync(settings, date, kind, cancellationToken).ConfigureAwait(false) is not { } chosen)
            {
                LogNoCard(guildId, date);
                return;
            }

            var claim = await store.ClaimAsync(
                new DailyPost
                {
                    GuildId = guildId,
                    LocalDate = date,
                    CardId = chosen.Id,
                    ChannelId = channelId,
                    Nonce = Nonce("dq", guildId, date),
                    State = DailyPostState.Claimed,
                    ClaimedAt = time.GetUtcNow(),
                },
                cancellationToken).ConfigureAwait(false);
            if (!claim.Won)
            {
                // Another run (another process, or a second trigger) took the day a moment ago: it posts, not this one.
                LogClaimTaken(guildId, date);
                return;
            }

            post = claim.Post;
        }

        if (post.State == DailyPostState.Claimed && !await SendAsync(settings, post, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await RevealPreviousAsync(guildId, date, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A nonce for one server's day (at most 20 characters, so the messenger's part suffixes stay within Discord's 25):
    /// the prefix, the server id in base 36, then the day number in four base-36 digits.
    /// </summary>
    public static string Nonce(string prefix, string guildId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var guild = ulong.TryParse(guildId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : (ulong)StringComparer.Ordinal.GetHashCode(guildId);
        // The day is four base-36 digits (enough until the year 6000), so the guild part cannot run into it.
        return prefix + Base36.Format(guild) + Base36.Format((ulong)date.DayNumber).PadLeft(4, '0');
    }

    private async Task<bool> SendAsync(GuildDailySettings settings, DailyPost post, CancellationToken cancellationToken)
    {
        var card = catalog.Find(post.CardId);
        if (card is null || card.Retired)
        {
            // Removed from the deck between the claim and this run: ask another card (the claim keeps the day).
            card = await chooser.ChooseAsync(settings, post.LocalDate, DailyMix.Parse(settings.Mix).On(post.LocalDate.DayOfWeek) ?? CardKind.Concept, cancellationToken)
                .ConfigureAwait(false);
            if (card is null)
            {
                LogNoCard(post.GuildId, post.LocalDate);
                return false;
            }

            await store.ChangeCardAsync(post.Id, card.Id, cancellationToken).ConfigureAwait(false);
        }

        var week = settings.CohortStart is null ? (int?)null : DailyCardChooser.CohortWeek(settings.CohortStart, post.LocalDate);
        var reply = DailyPresenter.Post(card, post.GuildId, post.Id, post.LocalDate, week, tables: null);
        if (card.Kind == CardKind.Sql)
        {
            var budget = limits.MessageLength - reply.Markdown.Length - 2;
            if (sqlPreview.Tables(card, budget) is { } tables)
            {
                reply = DailyPresenter.Post(card, post.GuildId, post.Id, post.LocalDate, week, tables);
            }
        }

        PostedMessage message;
        try
        {
            message = await messenger.PostAsync(post.ChannelId, reply, post.Nonce, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogPostRefused(ex, post.GuildId, post.ChannelId, ex.Failure);
            return false;
        }

        await store.MarkPostedAsync(post.Id, message.MessageId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogPosted(card.Id, post.GuildId, post.LocalDate);

        try
        {
            var thread = await messenger.StartThreadAsync(message, DailyPresenter.ThreadName(card, post.LocalDate), cancellationToken).ConfigureAwait(false);
            await store.SetThreadAsync(post.Id, thread, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogThreadRefused(ex, post.GuildId, ex.Failure);
        }

        return true;
    }

    private async Task RevealPreviousAsync(string guildId, DateOnly date, CancellationToken cancellationToken)
    {
        var previous = await store.GetLatestBeforeAsync(guildId, date, cancellationToken).ConfigureAwait(false);
        if (previous is not { State: DailyPostState.Posted, ThreadId: { } thread } || catalog.Find(previous.CardId) is not { } card)
        {
            return;
        }

        try
        {
            await messenger.PostAsync(thread, DailyPresenter.Reveal(card, previous.LocalDate), Nonce("da", guildId, previous.LocalDate), cancellationToken)
                .ConfigureAwait(false);
            await store.MarkRevealedAsync(previous.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogRevealRefused(ex, guildId, ex.Failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted daily question {CardId} to {GuildId} for {Date}")]
    private partial void LogPosted(string cardId, string guildId, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily question of {GuildId} for {Date} was claimed by another run at the same moment; it posts it")]
    private partial void LogClaimTaken(string guildId, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily question of {GuildId} is paused; nothing posted for {Date}")]
    private partial void LogPaused(string guildId, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily question of {GuildId} for {Date} is off by the mix")]
    private partial void LogDayOff(string guildId, DateOnly date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily question of {GuildId} is not configured; nothing posted")]
    private partial void LogNotConfigured(string guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily question of {GuildId} for {Date} not posted: it is {Today} there now")]
    private partial void LogMissedDay(string guildId, DateOnly date, DateOnly today);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No card to ask {GuildId} on {Date}: the deck has none in the cohort's weeks")]
    private partial void LogNoCard(string guildId, DateOnly date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the daily question of {GuildId} in channel {ChannelId} ({Failure})")]
    private partial void LogPostRefused(Exception exception, string guildId, string channelId, DeliveryFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the discussion thread of {GuildId}'s daily question ({Failure})")]
    private partial void LogThreadRefused(Exception exception, string guildId, DeliveryFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the answer of {GuildId}'s previous daily question ({Failure})")]
    private partial void LogRevealRefused(Exception exception, string guildId, DeliveryFailure failure);
}
