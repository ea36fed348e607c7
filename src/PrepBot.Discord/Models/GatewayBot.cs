namespace PrepBot.Discord.Models;

/// <summary>Answer of <c>GET /gateway/bot</c>.</summary>
public sealed class GatewayBot
{
    public required string Url { get; init; }

    /// <summary>The recommended number of shards.</summary>
    public int Shards { get; init; } = 1;

    public SessionStartLimit SessionStartLimit { get; init; } = new();
}

public sealed class SessionStartLimit
{
    public int Total { get; init; } = 1000;

    public int Remaining { get; init; } = 1000;

    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>How many shards may identify in the same 5-second window.</summary>
    public int MaxConcurrency { get; init; } = 1;
}

/// <summary>Discord's JSON error body: <c>{code, message, errors}</c>; 429s add <c>retry_after</c> and <c>global</c>.</summary>
public sealed class DiscordErrorBody
{
    public int Code { get; init; }

    public string? Message { get; init; }

    public System.Text.Json.JsonElement? Errors { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
