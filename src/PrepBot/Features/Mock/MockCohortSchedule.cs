using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// <c>/mock schedule</c>: a cohort session at a set time, whose lobby PrepBot posts in the channel when it is due (once,
/// and not at all if the bot was down through the whole lobby window).
/// </summary>
public sealed partial class MockCohortSchedule(
    MockStore store,
    MockPresenter presenter,
    MockTriggers triggers,
    IMessenger messenger,
    IOptions<MockOptions> options,
    TimeProvider time,
    ILogger<MockCohortSchedule> logger)
{
    /// <summary>At most this many cohort sessions may wait to start in one server.</summary>
    public const int MaxPendingSchedules = 20;

    public async Task<IReadOnlyList<Reply>> ScheduleAsync(
        LearnerContext learner, string guildId, string channelId, MockKind kind, string? timeText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = time.GetUtcNow();
        if (!MockScheduleTime.TryParse(timeText, now, learner.Zone, out var startsAt, out var error))
        {
            return MockReplies.Say(error);
        }

        var pending = await store.PendingScheduleCountAsync(guildId, cancellationToken).ConfigureAwait(false);
        if (pending >= MaxPendingSchedules)
        {
            return MockReplies.TooManySchedules(pending, MaxPendingSchedules);
        }

        var scheduled = new MockScheduledSession
        {
            GuildId = guildId,
            ChannelId = channelId,
            Kind = kind,
            StartsAt = startsAt,
            CreatedById = learner.Id,
            CreatedAt = now,
        };
        await store.AddScheduledAsync(scheduled, cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleReminderAsync(scheduled, cancellationToken).ConfigureAwait(false);
        return MockReplies.Scheduled(kind, channelId, startsAt, learner.Zone);
    }

    /// <summary>A scheduled cohort session is due: its lobby goes to the channel, once.</summary>
    public async Task OnReminderAsync(long scheduledId, CancellationToken cancellationToken)
    {
        var scheduled = await store.FindScheduledAsync(scheduledId, cancellationToken).ConfigureAwait(false);
        if (scheduled is null || scheduled.PostedAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (now > scheduled.StartsAt.AddMinutes(options.Value.LobbyTimeoutMinutes))
        {
            // The bot was down through the whole lobby window: a lobby now would invite people to a session long over.
            await store.RecordScheduledPostAsync(scheduledId, null, null, now, cancellationToken).ConfigureAwait(false);
            LogReminderMissed(scheduledId, scheduled.StartsAt);
            return;
        }

        var session = await store.ScheduledLobbyAsync(scheduledId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            session = new MockSession
            {
                GuildId = scheduled.GuildId,
                ChannelId = scheduled.ChannelId,
                Kind = scheduled.Kind,
                State = MockState.Lobby,
                HostId = scheduled.CreatedById,
                ScheduledSessionId = scheduledId,
                CreatedAt = now,
                AbandonAt = now.AddMinutes(options.Value.LobbyTimeoutMinutes),
            };
            if (!await store.AddScheduledLobbyAsync(session, cancellationToken).ConfigureAwait(false))
            {
                // Another run of this reminder (another process) opened the lobby a moment ago: it posts it.
                return;
            }
        }

        var host = await store.LearnerAsync(session.HostId, cancellationToken).ConfigureAwait(false);
        var lobby = presenter.Lobby(session, host, null, null, MockPresenter.ScheduledLobbyNote);
        string? messageId = null;
        try
        {
            var posted = await messenger.PostAsync(scheduled.ChannelId, lobby, MockPosts.ScheduledLobbyNonce(scheduledId), cancellationToken).ConfigureAwait(false);
            messageId = posted.MessageId;
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, session.Id, "scheduled lobby");
        }

        await store.RecordScheduledPostAsync(scheduledId, session.Id, messageId, now, cancellationToken).ConfigureAwait(false);
        if (messageId is not null && session.State == MockState.Lobby)
        {
            session.LobbyMessageId = messageId;
            await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mock session {SessionId}: Discord refused the {What}")]
    private partial void LogDeliveryFailed(Exception exception, long sessionId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled mock session {ScheduledId} for {StartsAt} was missed while the bot was down")]
    private partial void LogReminderMissed(long scheduledId, DateTimeOffset startsAt);
}
