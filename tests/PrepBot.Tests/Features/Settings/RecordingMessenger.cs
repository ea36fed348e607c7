using System.Collections.Concurrent;
using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Tests.Features.Settings;

/// <summary>An <see cref="IMessenger"/> that keeps what was sent; users can refuse DMs (Discord's 50007).</summary>
internal sealed class RecordingMessenger : IMessenger
{
    private readonly ConcurrentDictionary<string, bool> _cannotDm = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SentDirect> _sent = new();
    private int _nextMessage;

    public bool CanPost => true;

    /// <summary>Every DM delivered, in order.</summary>
    public IReadOnlyList<SentDirect> Sent => [.. _sent];

    /// <summary>DM attempts refused because the user does not accept DMs.</summary>
    public int Refused { get; private set; }

    public void SetCannotDm(string userId, bool cannotDm = true) => _cannotDm[userId] = cannotDm;

    public IReadOnlyList<SentDirect> To(string userId) => [.. _sent.Where(s => s.UserId == userId)];

    public Task<PostedMessage> PostAsync(string channelId, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        // Reminders post into a remembered DM channel "dm-<user>".
        if (!channelId.StartsWith("dm-", StringComparison.Ordinal))
        {
            throw new DeliveryException(DeliveryFailure.NotFound, $"No channel {channelId}.");
        }

        return SendDirectAsync(channelId[3..], reply, nonce, cancellationToken);
    }

    public Task<PostedMessage> SendDirectAsync(string userId, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        if (_cannotDm.TryGetValue(userId, out var closed) && closed)
        {
            Refused++;
            throw new DeliveryException(DeliveryFailure.DirectMessagesClosed, $"Discord refused a DM to <@{userId}>: they do not accept direct messages from the bot (50007).");
        }

        // Like Discord with enforce_nonce: the same nonce again returns the first message instead of a second one.
        if (nonce is not null && _sent.FirstOrDefault(s => s.UserId == userId && s.Nonce == nonce) is { } earlier)
        {
            return Task.FromResult(earlier.Message);
        }

        var message = new PostedMessage("dm-" + userId, Interlocked.Increment(ref _nextMessage).ToString(CultureInfo.InvariantCulture));
        _sent.Enqueue(new SentDirect(userId, reply, nonce, message));
        return Task.FromResult(message);
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> StartThreadAsync(PostedMessage message, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> StartPrivateThreadAsync(string channelId, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddThreadMemberAsync(string threadId, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ArchiveThreadAsync(string threadId, CancellationToken cancellationToken) => throw new NotSupportedException();
}

internal sealed record SentDirect(string UserId, Reply Reply, string? Nonce, PostedMessage Message);
