namespace PrepBot.Discord.Gateway;

/// <summary>
/// The gateway closed with a code that retrying cannot fix (4004 bad token, 4010–4014 shard or intent problems).
/// The message is one line naming the code, what it means and which setting to check; it never holds the token.
/// </summary>
public sealed class DiscordGatewayException : Exception
{
    public DiscordGatewayException()
    {
    }

    public DiscordGatewayException(string message)
        : base(message)
    {
    }

    public DiscordGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordGatewayException(int closeCode, int shardId, string? reason)
        : base(Describe(closeCode, shardId, reason))
    {
        CloseCode = closeCode;
        ShardId = shardId;
    }

    public int? CloseCode { get; }

    public int? ShardId { get; }

    /// <summary>Close codes after which Discord must not be reconnected to.</summary>
    public static bool IsFatal(int closeCode) => closeCode is 4004 or (>= 4010 and <= 4014);

    private static string Describe(int closeCode, int shardId, string? reason)
    {
        var meaning = closeCode switch
        {
            4004 => "authentication failed: check Discord:Token",
            4010 => "invalid shard: check Discord:ShardIds and Discord:ShardCount",
            4011 => "sharding required: the bot is in too many guilds for one shard; set Discord:ShardCount",
            4012 => "invalid API version",
            4013 => "invalid intents",
            4014 => "disallowed intents: enable the privileged intent in the Developer Portal, or set Discord:MessageContent to false",
            _ => "the gateway refused the connection",
        };
        var text = $"Discord gateway closed shard {shardId} with {closeCode}, {meaning}";
        return string.IsNullOrWhiteSpace(reason) ? text + "." : $"{text} (\"{reason}\").";
    }
}
