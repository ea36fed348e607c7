namespace PrepBot.Discord.Models;

/// <summary>A Discord user (the <c>user</c> object).</summary>
public sealed class User
{
    public Snowflake Id { get; init; }

    public string Username { get; init; } = string.Empty;

    /// <summary>"0" for users that have moved to unique usernames.</summary>
    public string? Discriminator { get; init; }

    public string? GlobalName { get; init; }

    public string? Avatar { get; init; }

    public bool? Bot { get; init; }

    /// <summary>The name to show: the display name when set, else the username.</summary>
    public string DisplayName => string.IsNullOrEmpty(GlobalName) ? Username : GlobalName;
}

/// <summary>A user's membership of a guild. In an interaction, <see cref="Permissions"/> holds the member's permissions in the channel.</summary>
public sealed class GuildMember
{
    public User? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<Snowflake>? Roles { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    /// <summary>Total permissions of the member in the channel, sent with interactions only.</summary>
    public DiscordPermissions? Permissions { get; init; }
}
