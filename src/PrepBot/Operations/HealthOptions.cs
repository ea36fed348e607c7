using Microsoft.Extensions.Options;

namespace PrepBot.Operations;

/// <summary>The health and metrics listener of a bot on Discord (section <c>Health</c>); the terminal session has none.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// Where <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> listen: one or more <c>http://host:port</c> separated by
    /// <c>;</c>. Loopback by default, so nothing is exposed beyond the machine unless asked; port 0 picks a free port;
    /// empty turns the listener off.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:9464";

    /// <summary>Serve OpenTelemetry metrics at <c>/metrics</c> (Prometheus text format). Off: instruments record nothing.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>The URLs, split and trimmed.</summary>
    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var failures = new List<string>();
        foreach (var url in options.UrlList)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
            {
                failures.Add($"Health:Urls: '{url}' is not an address to listen on; write http://host:port, e.g. http://127.0.0.1:9464 (https is for a reverse proxy in front).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
