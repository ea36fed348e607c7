using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Limits;

namespace PrepBot.FakeDiscord.Rest;

/// <summary>Bulk overwrite (and read) of application commands, global or per guild. A command keeps its id while its name and type stay.</summary>
internal static class CommandEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/applications/{applicationId}/commands", (string applicationId, FakeDiscordState state) => Get(state, applicationId, null))
            .WithFakeRoute(FakeRoutes.GetGlobalCommands, "applicationId");
        api.MapPut("/applications/{applicationId}/commands", (string applicationId, HttpContext context, FakeDiscordState state) =>
                OverwriteAsync(state, context, applicationId, null))
            .WithFakeRoute(FakeRoutes.OverwriteGlobalCommands, "applicationId");
        api.MapGet("/applications/{applicationId}/guilds/{guildId}/commands", (string applicationId, string guildId, FakeDiscordState state) =>
                Get(state, applicationId, guildId))
            .WithFakeRoute(FakeRoutes.GetGuildCommands, "applicationId", "guildId");
        api.MapPut("/applications/{applicationId}/guilds/{guildId}/commands", (string applicationId, string guildId, HttpContext context, FakeDiscordState state) =>
                OverwriteAsync(state, context, applicationId, guildId))
            .WithFakeRoute(FakeRoutes.OverwriteGuildCommands, "applicationId", "guildId");
    }

    private static IResult Get(FakeDiscordState state, string applicationId, string? guildId) =>
        CheckScope(state, applicationId, guildId) ?? DiscordResults.Json(state.Traffic.CurrentCommands(guildId) ?? []);

    private static async Task<IResult> OverwriteAsync(FakeDiscordState state, HttpContext context, string applicationId, string? guildId)
    {
        if (CheckScope(state, applicationId, guildId) is { } refusal)
        {
            return refusal;
        }

        var commands = await RequestBody.ReadArrayAsync(context.Request);
        var errors = new FormErrors();
        CommandLimits.Validate(commands, errors);
        if (errors.Any)
        {
            return DiscordResults.InvalidForm(errors);
        }

        var previous = state.Traffic.CurrentCommands(guildId) ?? [];
        var stored = new JsonArray([.. commands.OfType<JsonObject>().Select(c => (JsonNode)Complete(state, c, guildId, previous))]);
        state.Traffic.RecordOverwrite(guildId, stored, state.Time.GetUtcNow());
        return DiscordResults.Json(stored);
    }

    private static DiscordErrorResult? CheckScope(FakeDiscordState state, string applicationId, string? guildId)
    {
        if (applicationId != state.Options.ApplicationId)
        {
            return (DiscordErrorResult)DiscordResults.MissingAccess();
        }

        return guildId is not null && state.Options.Guilds.All(g => g.Id != guildId) ? (DiscordErrorResult)DiscordResults.MissingAccess() : null;
    }

    private static JsonObject Complete(FakeDiscordState state, JsonObject command, string? guildId, JsonArray previous)
    {
        var type = Fields.TypeOf(command) ?? 1;
        var name = command["name"]!.ToString();
        var existingId = previous.OfType<JsonObject>()
            .FirstOrDefault(p => (Fields.TypeOf(p) ?? 1) == type && p["name"]?.ToString() == name)?["id"]?.ToString();

        var complete = (JsonObject)command.DeepClone();
        complete["id"] = existingId ?? state.Ids.Next();
        complete["application_id"] = state.Options.ApplicationId;
        complete["version"] = state.Ids.Next();
        complete["type"] = type;
        complete["description"] ??= string.Empty;
        complete["default_member_permissions"] ??= null;
        complete["nsfw"] ??= false;
        if (guildId is not null)
        {
            complete["guild_id"] = guildId;
        }
        else
        {
            complete["contexts"] ??= new JsonArray(0, 1, 2);
            complete["integration_types"] ??= new JsonArray(0);
        }

        return complete;
    }
}
