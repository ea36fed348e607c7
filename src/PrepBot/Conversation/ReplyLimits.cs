namespace PrepBot.Conversation;

/// <summary>
/// The front end's limits on a reply: the longest text it shows as one message. Features that fit extras into one message
/// (a SQL card's tables) ask this instead of assuming a platform's number; each front end registers its own.
/// </summary>
/// <param name="MessageLength">Characters of one message.</param>
public sealed record ReplyLimits(int MessageLength)
{
    /// <summary>Without a front end (tests that drive the router, <c>sql try</c>): the strictest front end's, Discord's.</summary>
    public static ReplyLimits Default { get; } = new(2000);
}
