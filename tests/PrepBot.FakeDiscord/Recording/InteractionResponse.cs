using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>The bot's answer to <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed record InteractionResponse
{
    internal InteractionResponse(string interactionId, JsonObject body, DateTimeOffset receivedAt, TimeSpan? afterDelivery)
    {
        InteractionId = interactionId;
        Type = body["type"]!.GetValue<int>();
        Json = JsonSerializer.SerializeToElement(body);
        ReceivedAt = receivedAt;
        AfterDelivery = afterDelivery;
        var data = body["data"] as JsonObject;
        Content = (string?)data?["content"];
        Flags = data?["flags"] is JsonValue flags ? flags.GetValue<int>() : 0;
        CustomId = (string?)data?["custom_id"];
        Title = (string?)data?["title"];
        CustomIds = ComponentWalker.CustomIds(data?["components"] as JsonArray);
    }

    public string InteractionId { get; }

    /// <summary>Callback type: 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal.</summary>
    public int Type { get; }

    /// <summary>The whole callback body <c>{type, data}</c>.</summary>
    public JsonElement Json { get; }

    public JsonElement Data => Json.TryGetProperty("data", out var data) ? data : default;

    public string? Content { get; }

    public int Flags { get; }

    public bool IsEphemeral => (Flags & 64) != 0;

    /// <summary>The modal's <c>custom_id</c> (type 9).</summary>
    public string? CustomId { get; }

    /// <summary>The modal's title (type 9).</summary>
    public string? Title { get; }

    /// <summary>Every <c>custom_id</c> in <c>data.components</c>.</summary>
    public IReadOnlyList<string> CustomIds { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Time from the INTERACTION_CREATE reaching the bot to this callback (fake clock).</summary>
    public TimeSpan? AfterDelivery { get; }
}
