using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Tests.Support;

/// <summary>
/// An <see cref="IMessenger"/> that keeps what features post, in memory: a post with a nonce already used in that channel
/// returns the first message (Discord's <c>enforce_nonce</c>), channels can refuse posts, and the next post can
/// "crash" after it was delivered (the process dying between sending and recording).
/// </summary>
internal sealed class RecordingMessenger : IMessenger
{
    private readonly Lock _gate = new();
    private readonly List<SentPost> _posts = [];
    private readonly Dictionary<string, DeliveryFailure> _refusing = new(StringComparer.Ordinal);
    private readonly List<(PostedMessage Message, string ThreadId, string Name)> _threads = [];
    private long _nextId = 5000;
    private bool _crashAfterNextPost;

    public bool CanPost => true;

    public IReadOnlyList<SentPost> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    public IReadOnlyList<(PostedMessage Message, string ThreadId, string Name)> Threads
    {
        get
        {
            lock (_gate)
            {
                return [.. _threads];
            }
        }
    }

    public IReadOnlyList<SentPost> In(string channelId) => [.. Posts.Where(p => p.ChannelId == channelId)];

    public void Refuse(string channelId, DeliveryFailure failure = DeliveryFailure.NotAllowed)
    {
        lock (_gate)
        {
            _refusing[channelId] = failure;
        }
    }

    /// <summary>The next post is delivered, then the call fails as if the bot died before it could record it.</summary>
    public void CrashAfterNextPost()
    {
        lock (_gate)
        {
            _crashAfterNextPost = true;
        }
    }

    public Task<PostedMessage> PostAsync(string channelId, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_refusing.TryGetValue(channelId, out var failure))
            {
                throw new DeliveryException(failure, $"Discord refused channel <#{channelId}>: PrepBot lacks a permission there (Missing Permissions, 50013).");
            }

            var existing = nonce is null ? null : _posts.FirstOrDefault(p => p.ChannelId == channelId && p.Nonce == nonce);
            var post = existing ?? new SentPost(channelId, NextId(), reply, nonce);
            if (existing is null)
            {
                _posts.Add(post);
            }

            if (_crashAfterNextPost)
            {
                _crashAfterNextPost = false;
                throw new InvalidOperationException("Simulated crash after the post was delivered.");
            }

            return Task.FromResult(new PostedMessage(channelId, post.MessageId));
        }
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<PostedMessage> SendDirectAsync(string userId, Reply reply, string? nonce, CancellationToken cancellationToken) =>
        PostAsync("dm-" + userId, reply, nonce, cancellationToken);

    public Task<string> StartThreadAsync(PostedMessage message, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var id = NextId();
            _threads.Add((message, id, name));
            return Task.FromResult(id);
        }
    }

    public Task<string> StartPrivateThreadAsync(string channelId, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(NextId());
        }
    }

    public Task AddThreadMemberAsync(string threadId, string userId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ArchiveThreadAsync(string threadId, CancellationToken cancellationToken) => Task.CompletedTask;

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);
}

internal sealed record SentPost(string ChannelId, string MessageId, Reply Reply, string? Nonce);
