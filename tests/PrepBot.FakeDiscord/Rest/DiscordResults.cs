using System.Text;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>Discord-shaped responses: JSON bodies and <c>{code, message, errors?}</c> errors with Discord's codes.</summary>
internal static class DiscordResults
{
    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    public static IResult NoContent() => Results.NoContent();

    public static IResult Error(int status, int code, string message, FormErrors? errors = null) =>
        new DiscordErrorResult(status, code, message, errors);

    public static IResult InvalidForm(FormErrors errors) => Error(400, 50035, "Invalid Form Body", errors);

    public static IResult InvalidJson() => Error(400, 50109, "The request body contains invalid JSON.");

    public static IResult EmptyMessage() => Error(400, 50006, "Cannot send an empty message");

    public static IResult Unauthorized() => Error(401, 0, "401: Unauthorized");

    public static IResult NotFound() => Error(404, 0, "404: Not Found");

    public static IResult MissingAccess() => Error(403, 50001, "Missing Access");

    public static IResult MissingPermissions() => Error(403, 50013, "Missing Permissions");

    public static IResult CannotDm() => Error(403, 50007, "Cannot send messages to this user");

    /// <summary>A message sent to an archived and locked thread.</summary>
    public static IResult ThreadLocked() => Error(400, 50083, "Thread is archived");

    public static IResult UnknownChannel() => Error(404, 10003, "Unknown Channel");

    public static IResult UnknownMessage() => Error(404, 10008, "Unknown Message");

    public static IResult UnknownWebhook() => Error(404, 10015, "Unknown Webhook");

    public static IResult UnknownGuild() => Error(404, 10004, "Unknown Guild");

    public static IResult UnknownInteraction() => Error(404, 10062, "Unknown interaction");

    public static IResult AlreadyAcknowledged() => Error(400, 40060, "Interaction has already been acknowledged.");

    public static IResult InvalidWebhookToken() => Error(401, 50027, "Invalid Webhook Token");
}
