namespace PrepBot.Discord;

/// <summary>
/// Settings of the Discord API v10 client (section <c>Discord</c>). The token is a secret:
/// it comes from the environment (<c>PrepBot__Discord__Token</c>) or user-secrets, never from a committed file.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token; empty means "no Discord, run the local practice session".</summary>
    public string Token { get; set; } = string.Empty;

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>Never print the token; this is what logs and errors may show instead.</summary>
    public override string ToString() => HasToken ? "DiscordOptions { Token = (set) }" : "DiscordOptions { Token = (empty) }";
}
