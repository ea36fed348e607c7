namespace PrepBot.Conversation;

/// <summary>
/// Messages PrepBot sends on its own initiative rather than as the answer to something a learner did: the daily
/// question in a server channel, a review reminder by DM, a mock interview's private thread. Features speak in
/// <see cref="Reply"/>s and ids as text; the Discord front end implements it, and the terminal (which has no channels)
/// answers <see cref="CanPost"/> false so features say "works on Discord" instead of trying.
/// </summary>
public interface IMessenger
{
    /// <summary>False where there are no channels or DMs to post to (the local terminal).</summary>
    bool CanPost { get; }

    /// <summary>
    /// Posts <paramref name="reply"/> in a channel (or thread) for everyone there. A long text goes out as several
    /// messages (buttons on the last); the first is returned. With a <paramref name="nonce"/> (up to 20 characters),
    /// a post retried after a crash or timeout is delivered once.
    /// </summary>
    /// <exception cref="DeliveryException">The platform refused: the channel is gone, the bot may not post there, …</exception>
    Task<PostedMessage> PostAsync(string channelId, Reply reply, string? nonce, CancellationToken cancellationToken);

    /// <summary>Replaces a posted message's text and buttons (e.g. to remove buttons once a session is over).</summary>
    Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="reply"/> to one person privately (a Discord DM).</summary>
    /// <exception cref="DeliveryException"><see cref="DeliveryFailure.DirectMessagesClosed"/> when they do not accept DMs.</exception>
    Task<PostedMessage> SendDirectAsync(string userId, Reply reply, string? nonce, CancellationToken cancellationToken);

    /// <summary>Starts a public thread on a posted message; returns the thread's channel id.</summary>
    Task<string> StartThreadAsync(PostedMessage message, string name, CancellationToken cancellationToken);

    /// <summary>Starts a private thread in a channel (only members added, and moderators, can see it); returns its id.</summary>
    Task<string> StartPrivateThreadAsync(string channelId, string name, CancellationToken cancellationToken);

    Task AddThreadMemberAsync(string threadId, string userId, CancellationToken cancellationToken);

    /// <summary>Archives a thread whose business is done (it leaves the channel's thread list; a new message revives it).</summary>
    Task ArchiveThreadAsync(string threadId, CancellationToken cancellationToken);
}

/// <summary>Where a message landed: enough to edit it or start a thread on it later, also after a restart.</summary>
public sealed record PostedMessage(string ChannelId, string MessageId);

public enum DeliveryFailure
{
    /// <summary>The person does not accept DMs from the bot (Discord error 50007).</summary>
    DirectMessagesClosed,

    /// <summary>The bot cannot see the channel (50001) or lacks a permission there (50013).</summary>
    NotAllowed,

    /// <summary>The channel, message or user does not exist (any more).</summary>
    NotFound,

    /// <summary>Anything else the platform refused.</summary>
    Refused,
}

/// <summary>The platform refused a message; <see cref="Exception.Message"/> says why in words a server admin understands.</summary>
public sealed class DeliveryException : Exception
{
    public DeliveryException()
    {
    }

    public DeliveryException(string message)
        : base(message)
    {
    }

    public DeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryException(DeliveryFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public DeliveryFailure Failure { get; } = DeliveryFailure.Refused;
}

/// <summary>The terminal's messenger: there is nowhere to post.</summary>
public sealed class NoMessenger : IMessenger
{
    public bool CanPost => false;

    public Task<PostedMessage> PostAsync(string channelId, Reply reply, string? nonce, CancellationToken cancellationToken) => throw Unavailable();

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => throw Unavailable();

    public Task<PostedMessage> SendDirectAsync(string userId, Reply reply, string? nonce, CancellationToken cancellationToken) => throw Unavailable();

    public Task<string> StartThreadAsync(PostedMessage message, string name, CancellationToken cancellationToken) => throw Unavailable();

    public Task<string> StartPrivateThreadAsync(string channelId, string name, CancellationToken cancellationToken) => throw Unavailable();

    public Task AddThreadMemberAsync(string threadId, string userId, CancellationToken cancellationToken) => throw Unavailable();

    public Task ArchiveThreadAsync(string threadId, CancellationToken cancellationToken) => throw Unavailable();

    private static DeliveryException Unavailable() =>
        new(DeliveryFailure.Refused, "Posting to channels and DMs works on Discord only; this is the local terminal.");
}
