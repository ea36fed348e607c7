namespace PrepBot.Discord.Rest;

/// <summary>
/// One REST call: its method and route template (what logs and errors show, never a token), the concrete path,
/// the top-level resource that keys its rate-limit bucket, and whether the global limit applies.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool ExemptFromGlobalLimit = false)
{
    /// <summary>Routes with the same key share a bucket hash once Discord has told it.</summary>
    public string Key { get; } = $"{Method.Method} {Template}";

    public override string ToString() => Key;
}
