using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Rest;

/// <summary><c>GET /gateway/bot</c> (pointing at the fake's own gateway) and <c>GET /users/@me</c>.</summary>
internal static class GatewayInfoEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/gateway/bot", GetGatewayBot).WithFakeRoute(FakeRoutes.GetGatewayBot);
        api.MapGet("/users/@me", (FakeDiscordState state) => DiscordResults.Json(state.Options.BotUser.ToJson()))
            .WithFakeRoute(FakeRoutes.GetCurrentUser);
    }

    private static IResult GetGatewayBot(FakeDiscordState state)
    {
        const int DailyIdentifies = 1000;
        var body = new JsonObject
        {
            ["url"] = state.GatewayUrl.ToString().TrimEnd('/'),
            ["shards"] = state.Options.RecommendedShards,
            ["session_start_limit"] = new JsonObject
            {
                ["total"] = DailyIdentifies,
                ["remaining"] = Math.Max(0, DailyIdentifies - state.Gateway.IdentifyCount),
                ["reset_after"] = 86_400_000,
                ["max_concurrency"] = state.Options.MaxConcurrency,
            },
        };
        return DiscordResults.Json(body);
    }
}
