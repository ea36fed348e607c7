using System.Net;
using System.Text.Json;

namespace PrepBot.Discord;

/// <summary>
/// Discord answered a REST request with an error (or the client stopped sending after too many). The message names
/// the route template (never the token or an interaction token), the HTTP status, Discord's error code and, for
/// 50035 Invalid Form Body, each field path with its error.
/// </summary>
public sealed class DiscordApiException : Exception
{
    /// <summary>50007: the user does not accept DMs from the bot.</summary>
    public const int CannotSendMessagesToThisUser = 50007;

    /// <summary>50035: a field was rejected; see <see cref="FieldErrors"/>.</summary>
    public const int InvalidFormBody = 50035;

    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordApiException(string route, HttpStatusCode status, int? code, string? discordMessage, IReadOnlyList<string>? fieldErrors = null)
        : base(Describe(route, status, code, discordMessage, fieldErrors))
    {
        Route = route;
        StatusCode = status;
        Code = code;
        DiscordMessage = discordMessage;
        FieldErrors = fieldErrors ?? [];
    }

    /// <summary>Method and route template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Route { get; } = string.Empty;

    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (50007, 50035, …), when the body had one.</summary>
    public int? Code { get; }

    public string? DiscordMessage { get; }

    /// <summary>For 50035: <c>"content: Must be 2000 or fewer in length."</c> per rejected field.</summary>
    public IReadOnlyList<string> FieldErrors { get; } = [];

    /// <summary>Flattens Discord's nested <c>errors</c> object into <c>path: message</c> lines.</summary>
    public static IReadOnlyList<string> FlattenErrors(JsonElement? errors)
    {
        var lines = new List<string>();
        if (errors is { ValueKind: JsonValueKind.Object } root)
        {
            Walk(root, string.Empty, lines);
        }

        return lines;

        static void Walk(JsonElement element, string path, List<string> lines)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var error in property.Value.EnumerateArray())
                    {
                        var message = error.TryGetProperty("message", out var text) ? text.GetString() : error.GetRawText();
                        lines.Add($"{(path.Length == 0 ? "(body)" : path)}: {message}");
                    }
                }
                else if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    var child = int.TryParse(property.Name, out _) ? $"{path}[{property.Name}]" : path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    Walk(property.Value, child, lines);
                }
            }
        }
    }

    private static string Describe(string route, HttpStatusCode status, int? code, string? message, IReadOnlyList<string>? fieldErrors)
    {
        var text = $"Discord answered {route} with {(int)status} {status}";
        if (code is not null)
        {
            text += $" (code {code})";
        }

        if (!string.IsNullOrWhiteSpace(message))
        {
            text += $": {message}";
        }

        if (fieldErrors is { Count: > 0 })
        {
            text += "; " + string.Join("; ", fieldErrors);
        }

        return text;
    }
}
