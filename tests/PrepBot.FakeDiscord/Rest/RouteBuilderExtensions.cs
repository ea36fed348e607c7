namespace PrepBot.FakeDiscord.Rest;

/// <summary>Tags an endpoint with its <see cref="FakeRoute"/> so <see cref="RestGuard"/> can apply Discord's rules.</summary>
internal static class RouteBuilderExtensions
{
    public static RouteHandlerBuilder WithFakeRoute(this RouteHandlerBuilder builder, string key, params string[] majorParameters) =>
        builder.WithMetadata(new FakeRoute(key, majorParameters, IsInteractionRoute: false));

    public static RouteHandlerBuilder WithInteractionRoute(this RouteHandlerBuilder builder, string key, params string[] majorParameters) =>
        builder.WithMetadata(new FakeRoute(key, majorParameters, IsInteractionRoute: true));
}
