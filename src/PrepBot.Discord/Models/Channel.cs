namespace PrepBot.Discord.Models;

/// <summary>Channel types PrepBot meets.</summary>
public enum ChannelType
{
    GuildText = 0,
    DirectMessage = 1,
    GuildVoice = 2,
    GroupDirectMessage = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildStageVoice = 13,
    GuildForum = 15,
    GuildMedia = 16,
}

/// <summary>A channel, DM channel or thread (the <c>channel</c> object; fields PrepBot reads).</summary>
public sealed class Channel
{
    public Snowflake Id { get; init; }

    public ChannelType Type { get; init; }

    public Snowflake? GuildId { get; init; }

    public string? Name { get; init; }

    public Snowflake? ParentId { get; init; }

    public Snowflake? OwnerId { get; init; }

    public Snowflake? LastMessageId { get; init; }

    /// <summary>The other side of a DM channel.</summary>
    public IReadOnlyList<User>? Recipients { get; init; }

    public ThreadMetadata? ThreadMetadata { get; init; }

    /// <summary>Permissions of the invoking user in this channel, on the channel sent with an interaction.</summary>
    public DiscordPermissions? Permissions { get; init; }
}

public sealed class ThreadMetadata
{
    public bool Archived { get; init; }

    public int AutoArchiveDuration { get; init; }

    public bool Locked { get; init; }

    public bool? Invitable { get; init; }
}

/// <summary>Body of <c>POST /users/@me/channels</c>.</summary>
public sealed record CreateDirectMessageChannel(Snowflake RecipientId);

/// <summary>Body of <c>POST /channels/{channel_id}/messages/{message_id}/threads</c>: a thread on a message.</summary>
public sealed class StartThreadFromMessage
{
    /// <summary>1–100 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Minutes of inactivity before the thread archives: 60, 1440, 4320 or 10080.</summary>
    public int? AutoArchiveDuration { get; init; }

    public int? RateLimitPerUser { get; init; }
}

/// <summary>Body of <c>POST /channels/{channel_id}/threads</c>: a thread without a message.</summary>
public sealed class StartThreadWithoutMessage
{
    /// <summary>1–100 characters.</summary>
    public required string Name { get; init; }

    /// <summary><see cref="ChannelType.PublicThread"/> or <see cref="ChannelType.PrivateThread"/>.</summary>
    public ChannelType Type { get; init; } = ChannelType.PrivateThread;

    public int? AutoArchiveDuration { get; init; }

    /// <summary>Private threads only: whether non-moderators may add other members.</summary>
    public bool? Invitable { get; init; }

    public int? RateLimitPerUser { get; init; }
}

/// <summary>The thread fields of <c>PATCH /channels/{thread_id}</c>: archive (and optionally lock) a thread.</summary>
public sealed class ModifyThread
{
    public bool? Archived { get; init; }

    /// <summary>Locked threads can be unarchived only by members with Manage Threads.</summary>
    public bool? Locked { get; init; }
}
