namespace PrepBot.Terminal;

/// <summary>The one line the practice session prints first: why it runs locally and where it keeps things.</summary>
public sealed record StartupBanner(string Line);
