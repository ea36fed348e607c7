namespace PrepBot.FakeDiscord.Rest;

/// <summary>
/// Channels where the bot may not post, as a server's permission overwrites would make it: creating a message there
/// fails with 403 and Discord's code — 50001 Missing Access (cannot see the channel) or 50013 Missing Permissions.
/// </summary>
internal sealed class PostRefusals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    public void Set(string channelId, int? code)
    {
        if (code is not (null or 50001 or 50013))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "Use 50001 (Missing Access) or 50013 (Missing Permissions).");
        }

        lock (_gate)
        {
            if (code is { } value)
            {
                _codes[channelId] = value;
            }
            else
            {
                _codes.Remove(channelId);
            }
        }
    }

    /// <summary>The error a post in the channel gets, or null when posting is allowed.</summary>
    public IResult? Refusal(string channelId)
    {
        lock (_gate)
        {
            return _codes.TryGetValue(channelId, out var code)
                ? code == 50001 ? DiscordResults.MissingAccess() : DiscordResults.MissingPermissions()
                : null;
        }
    }
}
