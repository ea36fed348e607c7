using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>The channels that exist: configured guild channels, DM channels the bot opened (or interactions came from), threads.</summary>
internal sealed class ChannelDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChannelInfo> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dmByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeUser> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cannotDm = new(StringComparer.Ordinal);
    private readonly Snowflakes _ids;

    public ChannelDirectory(FakeDiscordOptions options, Snowflakes ids)
    {
        _ids = ids;
        foreach (var guild in options.Guilds)
        {
            foreach (var channel in guild.Channels)
            {
                _channels[channel.Id] = new ChannelInfo(channel.Id, channel.Type, guild.Id, channel.Name, null, null);
            }
        }

        _users[FakeUser.DefaultLearner.Id] = FakeUser.DefaultLearner;
    }

    public ChannelInfo? Find(string channelId)
    {
        lock (_gate)
        {
            return _channels.GetValueOrDefault(channelId);
        }
    }

    public void RememberUser(FakeUser user)
    {
        lock (_gate)
        {
            _users[user.Id] = user;
        }
    }

    public FakeUser UserOrPlaceholder(string userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userId) ?? new FakeUser(userId, $"user-{userId}");
        }
    }

    /// <summary>The DM channel with a user, created on first use and the same afterwards (as Discord does).</summary>
    public ChannelInfo DmChannelWith(string userId)
    {
        lock (_gate)
        {
            if (_dmByUser.TryGetValue(userId, out var existing))
            {
                return _channels[existing];
            }

            var channel = new ChannelInfo(_ids.Next(), 1, null, null, userId, null);
            _channels[channel.Id] = channel;
            _dmByUser[userId] = channel.Id;
            return channel;
        }
    }

    /// <summary>The DM channel with a user if the bot (or an interaction) opened one; never creates it.</summary>
    public string? ExistingDmChannel(string userId)
    {
        lock (_gate)
        {
            return _dmByUser.GetValueOrDefault(userId);
        }
    }

    public ChannelInfo AddThread(string parentId, string guildId, string name, int type)
    {
        var thread = new ChannelInfo(_ids.Next(), type, guildId, name, null, parentId);
        lock (_gate)
        {
            _channels[thread.Id] = thread;
        }

        return thread;
    }

    public void SetCannotDm(string userId, bool cannotDm)
    {
        lock (_gate)
        {
            if (cannotDm)
            {
                _cannotDm.Add(userId);
            }
            else
            {
                _cannotDm.Remove(userId);
            }
        }
    }

    public bool CannotDm(string userId)
    {
        lock (_gate)
        {
            return _cannotDm.Contains(userId);
        }
    }

    public JsonObject ToJson(ChannelInfo channel)
    {
        var json = new JsonObject { ["id"] = channel.Id, ["type"] = channel.Type, ["flags"] = 0, ["last_message_id"] = null };
        if (channel.RecipientId is { } recipient)
        {
            json["recipients"] = new JsonArray(UserOrPlaceholder(recipient).ToJson());
            return json;
        }

        json["guild_id"] = channel.GuildId;
        json["name"] = channel.Name;
        if (channel.ParentId is { } parent)
        {
            json["parent_id"] = parent;
        }

        return json;
    }
}

/// <summary>A channel the fake knows: guild text (0), DM (1, with a recipient), thread (11/12, with a parent).</summary>
internal sealed record ChannelInfo(string Id, int Type, string? GuildId, string? Name, string? RecipientId, string? ParentId);
