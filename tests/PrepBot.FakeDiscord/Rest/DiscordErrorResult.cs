using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;
using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>Writes a Discord error body and records the refusal so tests can assert the bot never sent anything Discord rejects.</summary>
internal sealed class DiscordErrorResult(int status, int code, string message, FormErrors? errors) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = errors.ToJson();
        }

        var state = httpContext.RequestServices.GetRequiredService<FakeDiscordState>();
        var route = httpContext.GetEndpoint()?.Metadata.GetMetadata<FakeRoute>()?.Key ?? httpContext.Request.Method;
        state.Traffic.AddRejection(new Rejection(route, httpContext.Request.Path, status, code, message, errors?.Paths ?? []));

        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "application/json";
        await httpContext.Response.WriteAsync(body.ToJsonString());
    }
}
