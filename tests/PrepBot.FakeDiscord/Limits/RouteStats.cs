namespace PrepBot.FakeDiscord.Limits;

/// <summary>
/// What one route saw: requests, 429s the fake chose to send (bucket or global limit), 429s a test forced, forced 5xx.
/// A well-behaved client keeps <see cref="RateLimited"/> at 0: it waits on the headers instead of running into limits.
/// </summary>
public sealed record RouteStats(string Route, int Requests, int RateLimited, int ForcedRateLimited, int ForcedServerErrors);
