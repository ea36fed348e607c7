namespace PrepBot.DiscordFrontEnd;

/// <summary>What the Discord front end reports back to the launcher: the bot's name once connected, or why it stopped.</summary>
public sealed class DiscordStatus
{
    private volatile string? _failure;
    private volatile string? _botName;

    /// <summary>A fatal reason (one line, no secrets), or <see langword="null"/> while all is well.</summary>
    public string? Failure => _failure;

    public string? BotName => _botName;

    internal void Fail(string reason) => _failure = reason;

    internal void Connected(string botName) => _botName = botName;
}
