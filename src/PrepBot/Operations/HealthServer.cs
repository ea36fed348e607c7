using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace PrepBot.Operations;

/// <summary>
/// The bot's small HTTP listener (Kestrel): <c>/healthz</c> (the process is up), <c>/readyz</c> (the checks tagged
/// <see cref="ReadyTag"/>: gateway, database, scheduler, content) and, with <c>Health:Metrics</c>, <c>/metrics</c> for
/// Prometheus. It is a separate little web application inside the bot's Generic Host, sharing the bot's health-check
/// service and meter provider, so the bot itself stays a plain host. <see cref="ListenAsync"/> binds before
/// the host starts (a URL that cannot be bound is a configuration error, reported in one line); as a hosted service
/// it binds at start when nobody did before (tests), and stops with the host.
/// </summary>
public sealed partial class HealthServer(
    IServiceProvider services,
    IOptions<HealthOptions> options,
    ILogger<HealthServer> logger) : IHostedService, IAsyncDisposable
{
    public const string ReadyTag = "ready";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    /// <summary>The addresses actually listened on (port 0 resolved), once listening.</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    /// <summary>Binds the listener now, unless it already listens or <c>Health:Urls</c> is empty.</summary>
    /// <exception cref="OptionsValidationException">A URL cannot be bound (in use, not an address of this machine).</exception>
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_app is not null || options.Value.UrlList.Count == 0)
            {
                return;
            }

            var app = Build();
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw new OptionsValidationException(
                    HealthOptions.SectionName,
                    typeof(HealthOptions),
                    [$"Health:Urls: cannot listen on '{options.Value.Urls}': {ex.Message}"]);
            }

            _app = app;
            Addresses = [.. app.Urls.Select(url => new Uri(url))];
            var listening = string.Join(' ', Addresses);
            LogListening(listening, options.Value.Metrics);
        }
        finally
        {
            _gate.Release();
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => ListenAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _gate.Dispose();
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "PrepBot.Health" });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls([.. options.Value.UrlList]);
        builder.Services.AddRouting();
        // The listener's own host logs nothing: a bind failure is reported once, as a configuration error, and requests
        // need no log lines. This class logs where it listens through the bot's logging.
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddSingleton(services.GetRequiredService<HealthCheckService>());
        var app = builder.Build();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        if (options.Value.Metrics && services.GetService<MeterProvider>() is { } meters)
        {
            app.MapPrometheusScrapingEndpoint("/metrics", meters, configureBranchedPipeline: null, optionsName: null);
        }

        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsync("PrepBot serves /healthz, /readyz and /metrics here.\n", context.RequestAborted);
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health checks listening on {Urls} (/healthz, /readyz; metrics at /metrics: {Metrics})")]
    private partial void LogListening(string urls, bool metrics);
}
