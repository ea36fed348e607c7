using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>Reads a JSON body; malformed JSON becomes Discord's 50109 through <see cref="InvalidJsonBodyException"/>.</summary>
internal static class RequestBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await ReadAsync(request) as JsonObject ?? throw new InvalidJsonBodyException();

    public static async Task<JsonArray> ReadArrayAsync(HttpRequest request) =>
        await ReadAsync(request) as JsonArray ?? throw new InvalidJsonBodyException();

    /// <summary>An absent body reads as an empty object (PUT thread-members, POST without payload).</summary>
    public static async Task<JsonObject> ReadOptionalObjectAsync(HttpRequest request) =>
        request.ContentLength is 0 or null && !request.Headers.ContainsKey("Transfer-Encoding") ? [] : await ReadObjectAsync(request);

    private static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new InvalidJsonBodyException();
        }
    }
}

/// <summary>The request body is not the JSON the route expects.</summary>
internal sealed class InvalidJsonBodyException : Exception
{
    public InvalidJsonBodyException()
        : base("The request body contains invalid JSON.")
    {
    }

    public InvalidJsonBodyException(string message)
        : base(message)
    {
    }

    public InvalidJsonBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
