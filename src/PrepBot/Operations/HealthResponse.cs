using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PrepBot.Operations;

/// <summary>
/// The JSON body of <c>/healthz</c> and <c>/readyz</c>: the overall status, the checks that failed, and each check's
/// status and one-line description, e.g. <c>{"status":"Unhealthy","failed":["gateway"],"checks":{"gateway":{...}}}</c>.
/// </summary>
internal static class HealthResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            failed = report.Entries.Where(entry => entry.Value.Status != HealthStatus.Healthy).Select(entry => entry.Key).ToArray(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }
}
