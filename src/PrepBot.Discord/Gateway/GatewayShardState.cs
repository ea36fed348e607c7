namespace PrepBot.Discord.Gateway;

/// <summary>Where one shard's gateway connection stands.</summary>
public enum GatewayShardState
{
    /// <summary>Connecting and identifying: no session yet (or a new one after an invalid session).</summary>
    Connecting,

    /// <summary>READY or RESUMED received: events flow.</summary>
    Connected,

    /// <summary>The connection dropped and the session is being resumed; no event is lost.</summary>
    Resuming,

    /// <summary>The shard stopped (shutting down, or a fatal close code).</summary>
    Stopped,
}
