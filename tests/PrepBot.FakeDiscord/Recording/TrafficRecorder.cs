using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>Everything the bot created over REST, kept thread-safe; every change pulses the shared <see cref="ChangeSignal"/>.</summary>
internal sealed class TrafficRecorder(ChangeSignal signal)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeMessage> _messages = new(StringComparer.Ordinal);
    private readonly List<string> _messageOrder = [];
    private readonly Dictionary<(string Channel, string Nonce), string> _nonces = [];
    private readonly List<FakeThread> _threads = [];
    private readonly Dictionary<string, List<string>> _threadMembers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _archivedThreads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lockedThreads = new(StringComparer.Ordinal);
    private readonly List<CommandOverwrite> _overwrites = [];
    private readonly Dictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    private readonly List<Rejection> _rejections = [];
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Keeps the bytes of files uploaded with a message, by attachment id; call before recording the message.</summary>
    public void StoreFiles(IEnumerable<Rest.PendingFile> files)
    {
        lock (_gate)
        {
            foreach (var file in files)
            {
                _files[file.AttachmentId] = file.Content;
            }
        }
    }

    public byte[]? FileContent(string attachmentId)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(attachmentId);
        }
    }

    /// <summary>
    /// Records a new message, unless <paramref name="enforcedNonce"/> was already used in the channel: then the
    /// message created the first time is returned and nothing is added (Discord's <c>enforce_nonce</c>).
    /// </summary>
    public FakeMessage AddMessageOnce(JsonObject json, DateTimeOffset now, string? interactionId, string? enforcedNonce)
    {
        var message = new FakeMessage(json, now, null, interactionId, FileContent);
        lock (_gate)
        {
            if (enforcedNonce is not null && _nonces.TryGetValue((message.ChannelId, enforcedNonce), out var firstId))
            {
                return _messages[firstId];
            }

            _messages[message.Id] = message;
            _messageOrder.Add(message.Id);
            if (enforcedNonce is not null)
            {
                _nonces[(message.ChannelId, enforcedNonce)] = message.Id;
            }
        }

        signal.Pulse();
        return message;
    }

    public FakeMessage? FindByNonce(string channelId, string nonce)
    {
        lock (_gate)
        {
            return _nonces.TryGetValue((channelId, nonce), out var id) ? _messages[id] : null;
        }
    }

    public FakeMessage? FindMessage(string messageId)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(messageId);
        }
    }

    public FakeMessage ReplaceMessage(FakeMessage old, JsonObject json, DateTimeOffset now)
    {
        var edited = new FakeMessage(json, old.CreatedAt, now, old.InteractionId, FileContent);
        lock (_gate)
        {
            _messages[edited.Id] = edited;
        }

        signal.Pulse();
        return edited;
    }

    public void RemoveMessage(string messageId)
    {
        lock (_gate)
        {
            _messages.Remove(messageId);
            _messageOrder.Remove(messageId);
        }

        signal.Pulse();
    }

    public IReadOnlyList<FakeMessage> MessagesIn(string channelId)
    {
        lock (_gate)
        {
            return [.. _messageOrder.Select(id => _messages[id]).Where(m => m.ChannelId == channelId && !m.IsEphemeral)];
        }
    }

    public IReadOnlyList<FakeMessage> AllMessages()
    {
        lock (_gate)
        {
            return [.. _messageOrder.Select(id => _messages[id])];
        }
    }

    public void AddThread(FakeThread thread)
    {
        lock (_gate)
        {
            _threads.Add(thread);
            _threadMembers[thread.Id] = [];
        }

        signal.Pulse();
    }

    public IReadOnlyList<FakeThread> Threads()
    {
        lock (_gate)
        {
            return [.. _threads];
        }
    }

    public bool AddThreadMember(string threadId, string userId)
    {
        lock (_gate)
        {
            if (!_threadMembers.TryGetValue(threadId, out var members))
            {
                return false;
            }

            if (!members.Contains(userId))
            {
                members.Add(userId);
            }
        }

        signal.Pulse();
        return true;
    }

    /// <summary>Applies <c>archived</c> / <c>locked</c> from a thread edit (null leaves a flag as it is).</summary>
    public void SetThreadArchived(string threadId, bool? archived, bool? locked)
    {
        lock (_gate)
        {
            Apply(_archivedThreads, archived);
            Apply(_lockedThreads, locked);
        }

        signal.Pulse();

        void Apply(HashSet<string> set, bool? value)
        {
            if (value == true)
            {
                set.Add(threadId);
            }
            else if (value == false)
            {
                set.Remove(threadId);
            }
        }
    }

    public bool IsThreadArchived(string threadId)
    {
        lock (_gate)
        {
            return _archivedThreads.Contains(threadId);
        }
    }

    public bool IsThreadLocked(string threadId)
    {
        lock (_gate)
        {
            return _lockedThreads.Contains(threadId);
        }
    }

    public IReadOnlyList<string> ThreadMembers(string threadId)
    {
        lock (_gate)
        {
            return _threadMembers.TryGetValue(threadId, out var members) ? [.. members] : [];
        }
    }

    public JsonArray? CurrentCommands(string? guildId)
    {
        lock (_gate)
        {
            return _commands.TryGetValue(guildId ?? string.Empty, out var commands) ? (JsonArray)commands.DeepClone() : null;
        }
    }

    public void RecordOverwrite(string? guildId, JsonArray commands, DateTimeOffset now)
    {
        lock (_gate)
        {
            _commands[guildId ?? string.Empty] = (JsonArray)commands.DeepClone();
            _overwrites.Add(new CommandOverwrite(guildId, JsonSerializer.SerializeToElement(commands), now));
        }

        signal.Pulse();
    }

    public IReadOnlyList<CommandOverwrite> Overwrites()
    {
        lock (_gate)
        {
            return [.. _overwrites];
        }
    }

    public void AddRejection(Rejection rejection)
    {
        lock (_gate)
        {
            _rejections.Add(rejection);
        }

        signal.Pulse();
    }

    public IReadOnlyList<Rejection> Rejections()
    {
        lock (_gate)
        {
            return [.. _rejections];
        }
    }
}
