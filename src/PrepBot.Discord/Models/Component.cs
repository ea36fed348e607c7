using System.Text.Json.Serialization;

namespace PrepBot.Discord.Models;

/// <summary>Component types PrepBot builds or reads.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Label = 18,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Discord's own name for the style.")]
public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

/// <summary>
/// A message or modal component. Discord's components share one shape keyed by <see cref="Type"/>, so this is one
/// class whose fields apply per type; build them with the factory methods (<see cref="ActionRow"/>,
/// <see cref="Button"/>, <see cref="StringSelect"/>, <see cref="TextInput"/>, <see cref="Labeled"/>), and check them
/// with <see cref="DiscordLimits"/> (the REST client does before sending). Components received from Discord may
/// be of types this enum does not name; their unknown fields are ignored.
/// </summary>
public sealed class Component
{
    public ComponentType Type { get; init; }

    /// <summary>Buttons (not link), selects, text inputs: 1–100 characters, unique within the message or modal.</summary>
    public string? CustomId { get; init; }

    /// <summary>A <see cref="ButtonStyle"/> for buttons, a <see cref="TextInputStyle"/> for text inputs.</summary>
    public int? Style { get; init; }

    /// <summary>Buttons: up to 80 characters. Labels (type 18): up to 45.</summary>
    public string? Label { get; init; }

    public Emoji? Emoji { get; init; }

    /// <summary>Link buttons only.</summary>
    public string? Url { get; init; }

    public bool? Disabled { get; init; }

    /// <summary>String selects: up to 25.</summary>
    public IReadOnlyList<SelectOption>? Options { get; init; }

    /// <summary>Selects: up to 150 characters; text inputs: up to 100.</summary>
    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public int? MinLength { get; init; }

    /// <summary>Text inputs: up to 4000.</summary>
    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    /// <summary>Text inputs: the prefilled value when sent, the learner's text when received in a modal submit.</summary>
    public string? Value { get; init; }

    /// <summary>Selects received in a modal submit: the chosen values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Labels (type 18): up to 100 characters under the label.</summary>
    public string? Description { get; init; }

    /// <summary>Labels (type 18): the one component they wrap (a text input or a select).</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    /// <summary>Action rows: the buttons (up to 5) or the one select they hold.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    public static Component ActionRow(params IEnumerable<Component> components) =>
        new() { Type = ComponentType.ActionRow, Components = [.. components] };

    public static Component Button(ButtonStyle style, string customId, string label, bool disabled = false, Emoji? emoji = null) =>
        new() { Type = ComponentType.Button, Style = (int)style, CustomId = customId, Label = label, Disabled = disabled ? true : null, Emoji = emoji };

    public static Component LinkButton(string url, string label) =>
        new() { Type = ComponentType.Button, Style = (int)ButtonStyle.Link, Url = url, Label = label };

    public static Component StringSelect(string customId, IEnumerable<SelectOption> options, string? placeholder = null, int? minValues = null, int? maxValues = null) =>
        new() { Type = ComponentType.StringSelect, CustomId = customId, Options = [.. options], Placeholder = placeholder, MinValues = minValues, MaxValues = maxValues };

    /// <summary>A text input for a modal; wrap it in <see cref="Labeled"/>.</summary>
    public static Component TextInput(
        string customId,
        TextInputStyle style,
        bool required = true,
        int? minLength = null,
        int? maxLength = null,
        string? value = null,
        string? placeholder = null) =>
        new()
        {
            Type = ComponentType.TextInput,
            CustomId = customId,
            Style = (int)style,
            Required = required,
            MinLength = minLength,
            MaxLength = maxLength,
            Value = value,
            Placeholder = placeholder,
        };

    /// <summary>A modal's top-level label wrapping one text input or select.</summary>
    public static Component Labeled(string label, Component child, string? description = null) =>
        new() { Type = ComponentType.Label, Label = label, Child = child, Description = description };
}

public sealed class SelectOption
{
    /// <summary>Up to 100 characters.</summary>
    public required string Label { get; init; }

    /// <summary>Up to 100 characters.</summary>
    public required string Value { get; init; }

    /// <summary>Up to 100 characters.</summary>
    public string? Description { get; init; }

    public Emoji? Emoji { get; init; }

    public bool? Default { get; init; }
}

/// <summary>A unicode emoji (<see cref="Name"/> only) or a custom one (<see cref="Id"/> and <see cref="Name"/>).</summary>
public sealed class Emoji
{
    public Snowflake? Id { get; init; }

    public string? Name { get; init; }

    public bool? Animated { get; init; }
}
