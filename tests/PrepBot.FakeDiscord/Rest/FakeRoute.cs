namespace PrepBot.FakeDiscord.Rest;

/// <summary>
/// Endpoint metadata: the route's name, the route values that make its top-level resource (a bucket is per route and
/// resource), whether interaction rules apply (exempt from the global limit, no bot token needed).
/// </summary>
internal sealed record FakeRoute(string Key, IReadOnlyList<string> MajorParameters, bool IsInteractionRoute)
{
    public string MajorResource(RouteValueDictionary values) =>
        string.Join(':', MajorParameters.Select(p => values.TryGetValue(p, out var value) ? value?.ToString() : string.Empty));
}
