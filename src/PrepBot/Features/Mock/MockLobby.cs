using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// <c>/mock start</c> and the lobby's seats: posting a lobby (open, or for one invited member), taking a seat, and
/// starting the session once both seats are taken. Nobody holds two open seats at once.
/// </summary>
public sealed partial class MockLobby(
    MockStore store,
    MockPresenter presenter,
    MockReplies replies,
    MockPosts posts,
    MockSessionLifecycle lifecycle,
    MockTriggers triggers,
    IMessenger messenger,
    IOptions<MockOptions> options,
    TimeProvider time,
    ILogger<MockLobby> logger)
{
    public async Task<IReadOnlyList<Reply>> StartAsync(
        LearnerContext learner, string guildId, string channelId, MockKind kind, string? withUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (withUserId is not null && (withUserId.Length is 0 or > 20 || !withUserId.All(char.IsAsciiDigit)))
        {
            return MockReplies.BadWith(withUserId);
        }

        if (withUserId == learner.Learner.PlatformUserId)
        {
            return MockReplies.NotYourself();
        }

        if (MockReplies.Busy(await store.OpenSeatAsync(learner.Id, cancellationToken).ConfigureAwait(false)) is { } busy)
        {
            return MockReplies.Say(busy);
        }

        var now = time.GetUtcNow();
        var session = new MockSession
        {
            GuildId = guildId,
            ChannelId = channelId,
            Kind = kind,
            State = MockState.Lobby,
            HostId = learner.Id,
            InvitedUserId = withUserId,
            CreatedAt = now,
            AbandonAt = now.AddMinutes(options.Value.LobbyTimeoutMinutes),
        };
        await store.AddSessionAsync(session, cancellationToken).ConfigureAwait(false);
        try
        {
            var posted = await messenger.PostAsync(channelId, presenter.Lobby(session, learner.Learner, null, null), null, cancellationToken).ConfigureAwait(false);
            session.LobbyMessageId = posted.MessageId;
            await store.SetLobbyMessageAsync(session.Id, posted.MessageId, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            await store.ExpireUnpostedAsync(session.Id, now, cancellationToken).ConfigureAwait(false);
            return MockReplies.LobbyNotPosted(ex.Message);
        }

        await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        return replies.LobbyPosted(kind, withUserId);
    }

    public async Task<IReadOnlyList<Reply>> JoinAsync(LearnerIdentity who, LearnerContext learner, MockSession session, bool asInterviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(session);
        var seat = asInterviewer ? "interviewer" : "candidate";
        if (session.State != MockState.Lobby)
        {
            return MockReplies.LobbyClosed();
        }

        var mine = asInterviewer ? session.InterviewerId : session.CandidateId;
        var other = asInterviewer ? session.CandidateId : session.InterviewerId;
        if (mine == learner.Id)
        {
            return MockReplies.AlreadySeated(seat);
        }

        if (other == learner.Id)
        {
            return MockReplies.HoldsOtherSeat();
        }

        long? hostSeat = null;
        if (session.InvitedUserId is { } invited)
        {
            if (who.UserId != invited)
            {
                LogRefused(session.Id, who.UserId, asInterviewer ? MockAction.JoinAsInterviewer : MockAction.JoinAsCandidate);
                return MockReplies.InvitedOnly(learner.Id == session.HostId, invited);
            }

            if (await store.OpenSeatAsync(session.HostId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return MockReplies.InviterBusy();
            }

            hostSeat = session.HostId;
        }

        if (MockReplies.Busy(await store.OpenSeatAsync(learner.Id, cancellationToken).ConfigureAwait(false)) is { } busy)
        {
            return MockReplies.Say(busy);
        }

        if (!await store.TakeSeatAsync(session.Id, asInterviewer, learner.Id, hostSeat, cancellationToken).ConfigureAwait(false))
        {
            return MockReplies.SeatTaken(seat);
        }

        await store.LeaveQueuesAsync([learner.Id], cancellationToken).ConfigureAwait(false);
        var now = await store.FindSessionAsync(session.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Mock session {session.Id} vanished while a seat was taken.");
        if (now.InterviewerId is null || now.CandidateId is null)
        {
            await posts.RefreshLobbyAsync(session.Id, null, cancellationToken).ConfigureAwait(false);
            return MockReplies.Seated(seat);
        }

        return await StartPairedAsync(learner, session.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Both seats are taken: starts the session and answers the one whose action paired them.</summary>
    public async Task<IReadOnlyList<Reply>> StartPairedAsync(LearnerContext learner, long sessionId, CancellationToken cancellationToken)
    {
        if (await lifecycle.BeginAsync(sessionId, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return MockReplies.Say(failed);
        }

        return await PairedAsync(learner, sessionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the person whose action started a round sees (the interviewer gets the notes straight away).</summary>
    public async Task<IReadOnlyList<Reply>> PairedAsync(LearnerContext learner, long sessionId, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Mock session {sessionId} vanished while it started.");
        return replies.Paired(learner, session);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused mock action {Action} on session {SessionId} for user {UserId}, who is not in it")]
    private partial void LogRefused(long sessionId, string userId, MockAction action);
}
