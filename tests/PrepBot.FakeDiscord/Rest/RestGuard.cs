using System.Globalization;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>
/// Runs before every REST route: counts the request, checks <c>User-Agent</c> and <c>Authorization</c>, applies forced
/// faults, the global limit and the route's bucket, and puts the <c>X-RateLimit-*</c> headers on the response.
/// </summary>
internal sealed class RestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, FakeDiscordState state)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<FakeRoute>();
        if (route is null)
        {
            await next(context);
            return;
        }

        var counters = state.Limits.Counters(route.Key);
        counters.Request();
        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot", StringComparison.Ordinal))
        {
            await DiscordResults.Error(400, 0, "User-Agent must start with \"DiscordBot\", e.g. DiscordBot (https://example.org, 1.0).").ExecuteAsync(context);
            return;
        }

        if (!IsAuthorized(context.Request, route, state.Options.Token))
        {
            await DiscordResults.Unauthorized().ExecuteAsync(context);
            return;
        }

        var now = state.Time.GetUtcNow();
        if (state.Limits.TakeForcedFault(route.Key) is { } fault)
        {
            await WriteForcedFaultAsync(context, fault, counters, route, now);
            return;
        }

        if (!route.IsInteractionRoute && state.Limits.TakeGlobalSlot(now) is { } globalWait)
        {
            counters.RateLimited();
            await WriteGlobalLimitAsync(context, globalWait);
            return;
        }

        var decision = state.Limits.TakeRouteSlot(route.Key, route.MajorResource(context.Request.RouteValues), now);
        WriteBucketHeaders(context.Response, decision.Limit, decision.Remaining, decision.ResetAt, decision.ResetAfter, decision.Bucket);
        if (!decision.Allowed)
        {
            counters.RateLimited();
            await WriteTooManyRequestsAsync(context, decision.ResetAfter, "user", global: false);
            return;
        }

        try
        {
            await next(context);
        }
        catch (InvalidJsonBodyException)
        {
            await DiscordResults.InvalidJson().ExecuteAsync(context);
        }
    }

    private static bool IsAuthorized(HttpRequest request, FakeRoute route, string token)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (route.IsInteractionRoute && authorization.Length == 0)
        {
            return true;
        }

        return string.Equals(authorization, $"Bot {token}", StringComparison.Ordinal);
    }

    private static async Task WriteForcedFaultAsync(HttpContext context, ForcedFault fault, RouteCounters counters, FakeRoute route, DateTimeOffset now)
    {
        if (fault.Status != StatusCodes.Status429TooManyRequests)
        {
            counters.ForcedServerError();
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["message"] = $"{fault.Status}: Server Error", ["code"] = 0 }.ToJsonString());
            return;
        }

        counters.ForcedRateLimited();
        if (fault.Scope == "global")
        {
            await WriteGlobalLimitAsync(context, fault.RetryAfter);
            return;
        }

        WriteBucketHeaders(context.Response, 1, 0, now + fault.RetryAfter, fault.RetryAfter, RateLimiter.BucketHash(route.Key));
        await WriteTooManyRequestsAsync(context, fault.RetryAfter, fault.Scope, global: false);
    }

    private static Task WriteGlobalLimitAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers["X-RateLimit-Global"] = "true";
        return WriteTooManyRequestsAsync(context, retryAfter, "global", global: true);
    }

    private static async Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, string scope, bool global)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers["X-RateLimit-Scope"] = scope;
        response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3),
            ["global"] = global,
        };
        await response.WriteAsync(body.ToJsonString());
    }

    private static void WriteBucketHeaders(HttpResponse response, int limit, int remaining, DateTimeOffset resetAt, TimeSpan resetAfter, string bucket)
    {
        response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = (resetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset-After"] = Math.Max(0, resetAfter.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = bucket;
    }
}
