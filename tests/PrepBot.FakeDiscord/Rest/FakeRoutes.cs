namespace PrepBot.FakeDiscord.Rest;

/// <summary>
/// The REST routes the fake serves, named as Discord's docs write them. Use these to configure limits, force faults
/// and read counts: <c>server.ForceRateLimits(FakeRoutes.CreateMessage, 3)</c>.
/// </summary>
public static class FakeRoutes
{
    public const string GetGatewayBot = "GET /gateway/bot";
    public const string GetCurrentUser = "GET /users/@me";
    public const string CreateMessage = "POST /channels/{channel.id}/messages";
    public const string EditMessage = "PATCH /channels/{channel.id}/messages/{message.id}";
    public const string GetMessage = "GET /channels/{channel.id}/messages/{message.id}";
    public const string CreateDm = "POST /users/@me/channels";
    public const string StartThreadFromMessage = "POST /channels/{channel.id}/messages/{message.id}/threads";
    public const string StartThread = "POST /channels/{channel.id}/threads";
    public const string ModifyChannel = "PATCH /channels/{channel.id}";
    public const string AddThreadMember = "PUT /channels/{channel.id}/thread-members/{user.id}";
    public const string CreateInteractionResponse = "POST /interactions/{interaction.id}/{interaction.token}/callback";
    public const string CreateFollowUp = "POST /webhooks/{application.id}/{interaction.token}";
    public const string EditOriginalResponse = "PATCH /webhooks/{application.id}/{interaction.token}/messages/@original";
    public const string DeleteOriginalResponse = "DELETE /webhooks/{application.id}/{interaction.token}/messages/@original";
    public const string EditFollowUp = "PATCH /webhooks/{application.id}/{interaction.token}/messages/{message.id}";
    public const string GetGlobalCommands = "GET /applications/{application.id}/commands";
    public const string OverwriteGlobalCommands = "PUT /applications/{application.id}/commands";
    public const string GetGuildCommands = "GET /applications/{application.id}/guilds/{guild.id}/commands";
    public const string OverwriteGuildCommands = "PUT /applications/{application.id}/guilds/{guild.id}/commands";
}
