namespace PrepBot.FakeDiscord.Recording;

/// <summary>
/// A request the fake refused for the bot's own fault (400/401/403/404 with a Discord error code), not a forced fault
/// or a rate limit. End-to-end tests assert there are none.
/// </summary>
public sealed record Rejection(string Route, string Path, int Status, int Code, string Message, IReadOnlyList<string> FieldPaths);
