using System.Globalization;
using Microsoft.Extensions.Logging;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// What mock interviews post in the channel and the private thread, best effort: a refused post is logged, not thrown,
/// because the session's state is already decided. Every post a restart could repeat carries a nonce made from the
/// session, round and step, so it is delivered once.
/// </summary>
public sealed partial class MockPosts(MockStore store, MockPresenter presenter, IMessenger messenger, ILogger<MockPosts> logger)
{
    /// <summary>The nonce of step <paramref name="step"/> of a session's round.</summary>
    public static string Nonce(long sessionId, int round, string step) =>
        string.Create(CultureInfo.InvariantCulture, $"m{sessionId}r{round}{step}");

    /// <summary>The nonce of the message that a place in the queue lapsed.</summary>
    public static string QueueNonce(long entryId) => string.Create(CultureInfo.InvariantCulture, $"mq{entryId}");

    /// <summary>The nonce of a scheduled cohort session's lobby.</summary>
    public static string ScheduledLobbyNonce(long scheduledId) => string.Create(CultureInfo.InvariantCulture, $"mocks{scheduledId}");

    public async Task PostAsync(string channelId, Reply reply, string nonce, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.PostAsync(channelId, reply, nonce, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, 0, nonce);
        }
    }

    /// <summary>Redraws the lobby message after a seat was taken, or closes it with <paramref name="closedText"/> (the message may have been deleted).</summary>
    public async Task RefreshLobbyAsync(long sessionId, string? closedText, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session?.LobbyMessageId is not { } messageId)
        {
            return;
        }

        var people = await store.PeopleAsync(session, cancellationToken).ConfigureAwait(false);
        var reply = closedText is null
            ? presenter.Lobby(session, people[session.HostId], Seat(people, session.InterviewerId), Seat(people, session.CandidateId))
            : MockPresenter.ClosedLobby(session.Kind, closedText);
        try
        {
            await messenger.EditAsync(new PostedMessage(session.ChannelId, messageId), reply, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, session.Id, "lobby edit");
        }
    }

    /// <summary>The session is over: its thread leaves the channel's list (feedback buttons in it still answer).</summary>
    public async Task ArchiveAsync(long sessionId, string threadId, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.ArchiveThreadAsync(threadId, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            // Not fatal: Discord archives it after a day without messages anyway.
            LogDeliveryFailed(ex, sessionId, "thread archive");
        }
    }

    /// <summary>The learner in a seat, or null when it is empty.</summary>
    public static Learner? Seat(Dictionary<long, Learner> people, long? id) =>
        id is { } value && people?.GetValueOrDefault(value) is { } learner ? learner : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mock session {SessionId}: Discord refused the {What}")]
    private partial void LogDeliveryFailed(Exception exception, long sessionId, string what);
}
