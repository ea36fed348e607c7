namespace PrepBot.FakeDiscord;

/// <summary>Permission bit sets (as Discord's decimal strings) for interaction members.</summary>
public static class FakePermissions
{
    /// <summary>
    /// Create invite, add reactions, view channel, send messages, embed links, attach files, read history,
    /// external emojis, use application commands, create public threads, send in threads. No Manage Server.
    /// </summary>
    public const string Member = "311385508929";

    /// <summary>Every permission bit, including Administrator (1 &lt;&lt; 3) and Manage Server (1 &lt;&lt; 5).</summary>
    public const string Administrator = "2251799813685247";

    /// <summary>What the bot itself may do in the channel (sent as <c>app_permissions</c>).</summary>
    public const string App = Member;
}
