namespace PrepBot.FakeDiscord.Limits;

/// <summary>The state of a bucket after a request: headers to send, and whether the request is over the limit.</summary>
internal readonly record struct RateLimitDecision(
    bool Allowed,
    int Limit,
    int Remaining,
    DateTimeOffset ResetAt,
    TimeSpan ResetAfter,
    string Bucket);
