namespace PrepBot.FakeDiscord.Limits;

/// <summary><paramref name="Limit"/> requests per <paramref name="Window"/> in one bucket (route + top-level resource).</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Window);
