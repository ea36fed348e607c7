using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Tests.Support;

/// <summary>
/// An <see cref="IMessenger"/> that keeps what features post, in memory: a post with a nonce already used in that channel
/// returns the first message (Discord's <c>enforce_nonce</c>), channels can refuse posts, and the next post can
/// "crash" after it was delivered (the process dying between sending and recording). DMs go to channel
/// <c>dm-&lt;user&gt;</c> (a post there is a DM too, as reminders post into a remembered DM channel), and a user can refuse
/// DMs (Discord's 50007). The one recording messenger of the tests.
/// </summary>
internal sealed class RecordingMessenger : IMessenger
{
    private const string DmChannelPrefix = "dm-";

    private readonly Lock _gate = new();
    private readonly List<SentPost> _posts = [];
    private readonly Dictionary<string, DeliveryFailure> _refusing = new(StringComparer.Ordinal);
    private readonly List<(PostedMessage Message, string ThreadId, string Name)> _threads = [];
    private readonly List<SentDirect> _sent = [];
    private readonly Dictionary<string, bool> _cannotDm = new(StringComparer.Ordinal);
    private int _refused;
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

    /// <summary>Every DM delivered, in order.</summary>
    public IReadOnlyList<SentDirect> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>DM attempts refused because the user does not accept DMs.</summary>
    public int Refused
    {
        get
        {
            lock (_gate)
            {
                return _refused;
            }
        }
    }

    public void SetCannotDm(string userId, bool cannotDm = true)
    {
        lock (_gate)
        {
            _cannotDm[userId] = cannotDm;
        }
    }

    public IReadOnlyList<SentDirect> To(string userId) => [.. Sent.Where(s => s.UserId == userId)];

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
            var dmUser = channelId.StartsWith(DmChannelPrefix, StringComparison.Ordinal) ? channelId[DmChannelPrefix.Length..] : null;
            if (dmUser is not null && _cannotDm.TryGetValue(dmUser, out var closed) && closed)
            {
                _refused++;
                throw new DeliveryException(DeliveryFailure.DirectMessagesClosed, $"Discord refused a DM to <@{dmUser}>: they do not accept direct messages from the bot (50007).");
            }

            if (_refusing.TryGetValue(channelId, out var failure))
            {
                throw new DeliveryException(failure, $"Discord refused channel <#{channelId}>: PrepBot lacks a permission there (Missing Permissions, 50013).");
            }

            var existing = nonce is null ? null : _posts.FirstOrDefault(p => p.ChannelId == channelId && p.Nonce == nonce);
            var post = existing ?? new SentPost(channelId, NextId(), reply, nonce);
            if (existing is null)
            {
                _posts.Add(post);
                if (dmUser is not null)
                {
                    _sent.Add(new SentDirect(dmUser, reply, nonce, new PostedMessage(channelId, post.MessageId)));
                }
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
        PostAsync(DmChannelPrefix + userId, reply, nonce, cancellationToken);

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

internal sealed record SentDirect(string UserId, Reply Reply, string? Nonce, PostedMessage Message);
