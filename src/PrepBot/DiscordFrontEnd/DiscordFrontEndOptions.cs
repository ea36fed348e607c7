namespace PrepBot.DiscordFrontEnd;

/// <summary>How the bot behaves on Discord (section <c>Discord</c>, beside the client's own settings).</summary>
public sealed class DiscordFrontEndOptions
{
    /// <summary>
    /// Answer in the interaction callback itself when the features finish within this time; otherwise defer and
    /// follow up. Discord allows 3 s for the callback, so this leaves room for the network.
    /// </summary>
    public int AnswerDirectlyWithinMilliseconds { get; set; } = 1500;

    /// <summary>The time zone a new Discord learner starts with (Discord does not tell bots a user's zone).</summary>
    public string DefaultTimeZone { get; set; } = "Etc/UTC";
}
