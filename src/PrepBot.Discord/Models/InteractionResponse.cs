namespace PrepBot.Discord.Models;

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>
/// Body of <c>POST /interactions/{id}/{token}/callback</c>. Build one with the factory methods; send it within
/// 3 seconds of receiving the interaction, or defer and follow up.
/// </summary>
public sealed class InteractionResponse
{
    public InteractionCallbackType Type { get; init; }

    public InteractionCallbackData? Data { get; init; }

    public static InteractionResponse Pong() => new() { Type = InteractionCallbackType.Pong };

    /// <summary>Type 4: a reply message (ephemeral when <paramref name="data"/> has <see cref="MessageFlags.Ephemeral"/>).</summary>
    public static InteractionResponse Message(InteractionCallbackData data) => new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = data };

    /// <summary>Type 5: "thinking…"; follow with an edit of the original response.</summary>
    public static InteractionResponse DeferMessage(bool ephemeral) =>
        new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource, Data = ephemeral ? new() { Flags = MessageFlags.Ephemeral } : null };

    /// <summary>Type 6 (components only): acknowledge now, edit the message later.</summary>
    public static InteractionResponse DeferUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    /// <summary>Type 7 (components only): edit the message the component is on.</summary>
    public static InteractionResponse UpdateMessage(InteractionCallbackData data) => new() { Type = InteractionCallbackType.UpdateMessage, Data = data };

    /// <summary>Type 8: up to 25 suggestions.</summary>
    public static InteractionResponse Autocomplete(IEnumerable<ApplicationCommandOptionChoice> choices) =>
        new() { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Data = new() { Choices = [.. choices] } };

    /// <summary>Type 9: open a form (not as the answer to a modal submit). Title up to 45, 1–5 Labels.</summary>
    public static InteractionResponse Modal(string customId, string title, params IEnumerable<Component> components) =>
        new() { Type = InteractionCallbackType.Modal, Data = new() { CustomId = customId, Title = title, Components = [.. components] } };
}

/// <summary>The callback's <c>data</c>: message fields for types 4/5/7, <see cref="Choices"/> for 8, <see cref="CustomId"/>/<see cref="Title"/>/<see cref="Components"/> for 9.</summary>
public sealed class InteractionCallbackData
{
    public bool? Tts { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    public string? CustomId { get; init; }

    public string? Title { get; init; }

    /// <summary>Uploaded files of a message answer (types 4/7); filled in by the REST client when files are sent without it.</summary>
    public IReadOnlyList<PartialAttachment>? Attachments { get; init; }
}
