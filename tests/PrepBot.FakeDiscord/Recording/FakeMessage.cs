using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>A message the bot created (in a channel, as an interaction response, or as a follow-up), as Discord would return it.</summary>
public sealed record FakeMessage
{
    internal FakeMessage(JsonObject json, DateTimeOffset createdAt, DateTimeOffset? editedAt, string? interactionId, Func<string, byte[]?>? fileContent = null)
    {
        Json = JsonSerializer.SerializeToElement(json);
        Id = (string)json["id"]!;
        ChannelId = (string)json["channel_id"]!;
        Content = (string?)json["content"] ?? string.Empty;
        Flags = json["flags"]?.GetValue<int>() ?? 0;
        Nonce = json["nonce"]?.ToString();
        CreatedAt = createdAt;
        EditedAt = editedAt;
        InteractionId = interactionId;
        CustomIds = ComponentWalker.CustomIds(json["components"] as JsonArray);
        Attachments = [.. (json["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => Attachment(a, fileContent))];
    }

    public string Id { get; }

    public string ChannelId { get; }

    public string Content { get; }

    public int Flags { get; }

    public bool IsEphemeral => (Flags & 64) != 0;

    public string? Nonce { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? EditedAt { get; }

    /// <summary>The interaction this message answers (original response or follow-up); null for channel messages.</summary>
    public string? InteractionId { get; }

    /// <summary>Every <c>custom_id</c> in the message's components, depth first.</summary>
    public IReadOnlyList<string> CustomIds { get; }

    /// <summary>The files attached to the message, with the bytes the bot uploaded.</summary>
    public IReadOnlyList<FakeAttachment> Attachments { get; }

    /// <summary>The whole message object.</summary>
    public JsonElement Json { get; }

    public JsonElement Components => Json.TryGetProperty("components", out var c) ? c : default;

    public JsonElement Embeds => Json.TryGetProperty("embeds", out var e) ? e : default;

    internal JsonObject ToJsonObject() => JsonNode.Parse(Json.GetRawText())!.AsObject();

    private static FakeAttachment Attachment(JsonObject json, Func<string, byte[]?>? fileContent)
    {
        var id = (string)json["id"]!;
        return new FakeAttachment(
            id,
            (string?)json["filename"] ?? string.Empty,
            (string?)json["description"],
            (string?)json["content_type"],
            json["size"]?.GetValue<long>() ?? 0,
            json["width"]?.GetValue<int>(),
            json["height"]?.GetValue<int>())
        {
            Content = fileContent?.Invoke(id) ?? [],
        };
    }
}
