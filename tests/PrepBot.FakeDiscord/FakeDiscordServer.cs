using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PrepBot.FakeDiscord.Control;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.FakeDiscord;

/// <summary>
/// A loopback Discord: REST API v10 under <see cref="ApiBaseUrl"/> and the gateway at <see cref="GatewayUrl"/>, held to
/// Discord's documented rules, recording everything the bot sends. Start it, point the bot at it, drive it like a user.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly FakeDiscordState _state;
    private WebApplication? _app;

    public FakeDiscordServer(FakeDiscordOptions? options = null)
    {
        Options = options ?? new FakeDiscordOptions();
        _state = new FakeDiscordState(Options);
    }

    public FakeDiscordOptions Options { get; }

    /// <summary>How long the <c>WaitFor…</c> methods wait when not told (wall clock, so tests never hang).</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl => Started(_state.BaseUrl);

    /// <summary>http://127.0.0.1:port/api/v10 (no trailing slash, like https://discord.com/api/v10).</summary>
    public Uri ApiBaseUrl => new(BaseUrl, RestEndpoints.BasePath);

    /// <summary>ws://127.0.0.1:port/gateway — also what <c>GET /gateway/bot</c> returns.</summary>
    public Uri GatewayUrl => Started(_state.GatewayUrl);

    /// <summary>The <c>resume_gateway_url</c> sent in READY (a different path, so tests can tell resumes went there).</summary>
    public Uri ResumeGatewayUrl => Started(_state.ResumeGatewayUrl);

    public string Token => Options.Token;

    public string ApplicationId => Options.ApplicationId;

    public FakeUser BotUser => Options.BotUser;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The fake Discord is already started.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        if (Options.HandleConsoleSignals)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Options.Port));
        builder.Services.AddSingleton(_state);

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseRouting();
        app.UseMiddleware<RestGuard>();
        RestEndpoints.Map(app);
        GatewayEndpoints.Map(app);
        ControlEndpoints.Map(app);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _state.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
    }

    /// <summary>For manual runs: completes on Ctrl+C / SIGTERM (with <see cref="FakeDiscordOptions.HandleConsoleSignals"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        (_app ?? throw new InvalidOperationException("Start the fake Discord first.")).WaitForShutdownAsync(cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever the fake records anything.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await _state.Signal.WaitAsync(() => condition() ? description : null, timeout ?? DefaultWaitTimeout, () => description, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        await _state.Gateway.DropAllAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _app = null;
    }

    private Uri Started(Uri value) => _app is null ? throw new InvalidOperationException("Start the fake Discord first (StartAsync).") : value;
}
