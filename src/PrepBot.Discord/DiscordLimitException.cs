namespace PrepBot.Discord;

/// <summary>
/// An outgoing message, modal or command breaks a Discord limit; nothing was sent. The message starts with the
/// field path, e.g. <c>components[1].components[5]: a row holds at most 5 buttons</c>.
/// </summary>
public sealed class DiscordLimitException : Exception
{
    public DiscordLimitException()
    {
    }

    public DiscordLimitException(string message)
        : base(message)
    {
    }

    public DiscordLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordLimitException(string fieldPath, string problem)
        : base($"{fieldPath}: {problem}")
    {
        FieldPath = fieldPath;
        Problem = problem;
    }

    /// <summary>Where the problem is, e.g. <c>embeds[0].fields[3].value</c>.</summary>
    public string FieldPath { get; } = string.Empty;

    public string Problem { get; } = string.Empty;
}
