namespace PrepBot.Conversation;

/// <summary>
/// Component custom ids, built and read one way for every feature: <c>prefix:part:part…</c>, where the prefix (ending in
/// <c>:</c>) names the handler the router hands the component to and the parts are the feature's own. Discord allows at
/// most <see cref="MaxLength"/> characters; a feature whose ids could grow past it checks when it builds them.
/// </summary>
public static class CustomId
{
    public const int MaxLength = 100;

    /// <summary><c>prefix</c> followed by the parts joined with <c>:</c>.</summary>
    public static string Build(string prefix, params ReadOnlySpan<string> parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!prefix.EndsWith(':'))
        {
            throw new ArgumentException($"A custom-id prefix ends with ':' (got '{prefix}').", nameof(prefix));
        }

        return prefix + string.Join(':', parts);
    }

    /// <summary>The prefix of <paramref name="customId"/> (up to and including the first <c>:</c>), or null when it has none.</summary>
    public static string? PrefixOf(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        var colon = customId.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : customId[..(colon + 1)];
    }

    /// <summary>
    /// The parts after <paramref name="prefix"/>: false when the id has another prefix or does not have exactly
    /// <paramref name="count"/> parts. With <paramref name="lastTakesRest"/>,
    /// the last part keeps any further <c>:</c> (it is checked by the caller).
    /// </summary>
    public static bool TryParse(string? customId, string prefix, int count, out string[] parts, bool lastTakesRest = false)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        parts = [];
        if (customId is null || !customId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var split = lastTakesRest ? customId[prefix.Length..].Split(':', count) : customId[prefix.Length..].Split(':');
        if (split.Length != count)
        {
            return false;
        }

        parts = split;
        return true;
    }
}
