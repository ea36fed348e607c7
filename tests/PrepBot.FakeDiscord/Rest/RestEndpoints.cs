namespace PrepBot.FakeDiscord.Rest;

/// <summary>Maps Discord's REST API v10 under <c>/api/v10</c>; anything else there is Discord's 404.</summary>
internal static class RestEndpoints
{
    public const string BasePath = "/api/v10";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath);
        GatewayInfoEndpoints.Map(api);
        MessageEndpoints.Map(api);
        ChannelEndpoints.Map(api);
        InteractionEndpoints.Map(api);
        CommandEndpoints.Map(api);
        app.MapFallback(BasePath + "/{**path}", DiscordResults.NotFound);
    }
}
