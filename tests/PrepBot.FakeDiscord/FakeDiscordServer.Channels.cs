namespace PrepBot.FakeDiscord;

/// <summary>Channel permissions the bot lacks.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>The bot cannot see the channel: posting there fails with 403 / 50001 Missing Access.</summary>
    public const int MissingAccess = 50001;

    /// <summary>The bot sees the channel but may not send there: posting fails with 403 / 50013 Missing Permissions.</summary>
    public const int MissingPermissions = 50013;

    /// <summary>Makes posts by the bot in <paramref name="channelId"/> fail with <paramref name="code"/> (<see cref="MissingAccess"/> or <see cref="MissingPermissions"/>).</summary>
    public void RefusePostsIn(string channelId, int code = MissingPermissions) => _state.PostRefusals.Set(channelId, code);

    /// <summary>Lets the bot post in <paramref name="channelId"/> again.</summary>
    public void AllowPostsIn(string channelId) => _state.PostRefusals.Set(channelId, null);
}
