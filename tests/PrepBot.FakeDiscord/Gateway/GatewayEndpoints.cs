namespace PrepBot.FakeDiscord.Gateway;

/// <summary>The gateway WebSocket at <c>/gateway</c>, and the same gateway at a distinct <c>resume_gateway_url</c>.</summary>
internal static class GatewayEndpoints
{
    public const string GatewayPath = "/gateway";
    public const string ResumePath = "/gateway-resume";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.Map(GatewayPath, (HttpContext context, FakeDiscordState state) => state.Gateway.AcceptAsync(context, viaResumeUrl: false));
        app.Map(ResumePath, (HttpContext context, FakeDiscordState state) => state.Gateway.AcceptAsync(context, viaResumeUrl: true));
    }
}
