using System.Globalization;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord.Gateway;

/// <summary>
/// What a user does in Discord's client: run a slash command, click a button, pick from a select, submit a modal.
/// Where: a guild channel (default: the first guild's first text channel) or a DM; the message a component is on
/// decides the channel by itself. <c>server.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz"))</c>.
/// </summary>
public sealed record FakeInteraction
{
    private FakeInteraction(int type, JsonObject data)
    {
        Type = type;
        Data = data;
    }

    /// <summary>2 application command, 3 message component, 4 autocomplete, 5 modal submit.</summary>
    public int Type { get; }

    /// <summary>The interaction's <c>data</c>; completed at dispatch (command id, resolved users).</summary>
    public JsonObject Data { get; }

    public FakeUser User { get; init; } = FakeUser.DefaultLearner;

    /// <summary>Null with <see cref="ChannelId"/> null: the first configured guild.</summary>
    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    public bool InDirectMessage { get; init; }

    /// <summary>The member's permissions in the channel (guild only).</summary>
    public string Permissions { get; init; } = FakePermissions.Member;

    /// <summary>The message a component was clicked on.</summary>
    public FakeMessage? Message { get; init; }

    /// <summary>A modal submit copies channel, user and source message from the interaction that opened the modal.</summary>
    public string? OpenedByInteractionId { get; init; }

    public string Locale { get; init; } = "en-US";

    /// <summary>
    /// <c>/name</c> with options (string → 3, int/long → 4, bool → 5, double → 10, <see cref="FakeUser"/> → 6,
    /// <see cref="FakeChannel"/> → 7, resolved in <c>resolved.channels</c> as Discord does).
    /// <paramref name="subcommand"/> may be "sub" or "group sub".
    /// </summary>
    public static FakeInteraction SlashCommand(string name, IReadOnlyDictionary<string, object>? options = null, string? subcommand = null)
    {
        var optionArray = new JsonArray([.. (options ?? new Dictionary<string, object>()).Select(o => (JsonNode)Option(o.Key, o.Value))]);
        if (subcommand is not null)
        {
            var parts = subcommand.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            JsonNode inner = new JsonObject { ["name"] = parts[^1], ["type"] = 1, ["options"] = optionArray };
            if (parts.Length == 2)
            {
                inner = new JsonObject { ["name"] = parts[0], ["type"] = 2, ["options"] = new JsonArray(inner) };
            }

            optionArray = new JsonArray(inner);
        }

        var data = new JsonObject { ["name"] = name, ["type"] = 1 };
        if (optionArray.Count > 0)
        {
            data["options"] = optionArray;
        }

        var users = (options ?? new Dictionary<string, object>()).Values.OfType<FakeUser>().DistinctBy(u => u.Id).ToList();
        if (users.Count > 0)
        {
            var resolved = new JsonObject();
            foreach (var user in users)
            {
                resolved[user.Id] = user.ToJson();
            }

            data["resolved"] = new JsonObject { ["users"] = resolved };
        }

        var channels = (options ?? new Dictionary<string, object>()).Values.OfType<FakeChannel>().DistinctBy(c => c.Id).ToList();
        if (channels.Count > 0)
        {
            var resolved = data["resolved"] as JsonObject ?? [];
            resolved["channels"] = new JsonObject([.. channels.Select(c => KeyValuePair.Create(c.Id, (JsonNode?)new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["permissions"] = FakePermissions.Member,
            }))]);
            data["resolved"] = resolved;
        }

        return new FakeInteraction(2, data);
    }

    /// <summary>The user is typing <paramref name="partialValue"/> into the option <paramref name="focusedOption"/>.</summary>
    public static FakeInteraction Autocomplete(string name, string focusedOption, string partialValue) =>
        new(4, new JsonObject
        {
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = focusedOption, ["type"] = 3, ["value"] = partialValue, ["focused"] = true }),
        });

    /// <summary>A click on the button <paramref name="customId"/> of <paramref name="message"/>; throws when the message has no such enabled button.</summary>
    public static FakeInteraction Button(FakeMessage message, string customId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var component = FindComponent(message, customId);
        if (Limits.Fields.TypeOf(component) != 2)
        {
            throw new ArgumentException($"Component '{customId}' on message {message.Id} is not a button.", nameof(customId));
        }

        return new FakeInteraction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }) { Message = message };
    }

    /// <summary>A click on a button of a message the fake did not record (e.g. posted before a restart of the fake).</summary>
    public static FakeInteraction Button(string customId, string? channelId = null) =>
        new(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }) { ChannelId = channelId };

    /// <summary>Choosing <paramref name="values"/> in the select <paramref name="customId"/> of <paramref name="message"/>.</summary>
    public static FakeInteraction Select(FakeMessage message, string customId, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(message);
        var component = FindComponent(message, customId);
        var type = Limits.Fields.TypeOf(component) ?? 0;
        if (type is not (3 or 5 or 6 or 7 or 8))
        {
            throw new ArgumentException($"Component '{customId}' on message {message.Id} is not a select.", nameof(customId));
        }

        if (type == 3)
        {
            var offered = (component["options"] as JsonArray ?? []).Select(o => o?["value"]?.ToString()).ToHashSet(StringComparer.Ordinal);
            if (values.FirstOrDefault(v => !offered.Contains(v)) is { } unknown)
            {
                throw new ArgumentException($"Select '{customId}' offers no option '{unknown}'.", nameof(values));
            }
        }

        return new FakeInteraction(3, new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = type,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        })
        { Message = message };
    }

    /// <summary>
    /// Submitting the modal the bot opened with <paramref name="modal"/> (a type 9 response), filling its text inputs.
    /// Throws, as Discord's client would refuse, for unknown inputs, missing required ones and lengths out of bounds.
    /// </summary>
    public static FakeInteraction ModalSubmit(InteractionResponse modal, IReadOnlyDictionary<string, string> fields, bool legacyActionRows = false)
    {
        ArgumentNullException.ThrowIfNull(modal);
        ArgumentNullException.ThrowIfNull(fields);
        if (modal.Type != 9)
        {
            throw new ArgumentException($"Interaction {modal.InteractionId} was answered with type {modal.Type}, not a modal (9).", nameof(modal));
        }

        var inputs = ComponentWalker.All(JsonNode.Parse(modal.Data.GetRawText())!["components"] as JsonArray)
            .Where(c => Limits.Fields.TypeOf(c) == 4).ToList();
        if (fields.Keys.FirstOrDefault(k => inputs.All(i => i["custom_id"]?.ToString() != k)) is { } unknown)
        {
            throw new ArgumentException($"Modal '{modal.CustomId}' has no text input '{unknown}'.", nameof(fields));
        }

        foreach (var input in inputs)
        {
            CheckInput(modal, input, fields);
        }

        var values = inputs.ToDictionary(i => i["custom_id"]!.ToString(), i => fields.GetValueOrDefault(i["custom_id"]!.ToString()) ?? string.Empty, StringComparer.Ordinal);
        return ModalSubmit(modal.CustomId!, values, legacyActionRows) with { OpenedByInteractionId = modal.InteractionId };
    }

    /// <summary>A modal submit built from scratch: text inputs inside Labels (type 18), or Action Rows when <paramref name="legacyActionRows"/>.</summary>
    public static FakeInteraction ModalSubmit(string customId, IReadOnlyDictionary<string, string> fields, bool legacyActionRows = false)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var components = new JsonArray();
        var id = 1;
        foreach (var (inputId, value) in fields)
        {
            var input = new JsonObject { ["type"] = 4, ["id"] = id + 1, ["custom_id"] = inputId, ["value"] = value };
            components.Add(legacyActionRows
                ? new JsonObject { ["type"] = 1, ["id"] = id, ["components"] = new JsonArray(input) }
                : new JsonObject { ["type"] = 18, ["id"] = id, ["component"] = input });
            id += 2;
        }

        return new FakeInteraction(5, new JsonObject { ["custom_id"] = customId, ["components"] = components });
    }

    public FakeInteraction By(FakeUser user) => this with { User = user };

    public FakeInteraction InDm() => this with { InDirectMessage = true, GuildId = null, ChannelId = null };

    public FakeInteraction InChannel(string guildId, string channelId) => this with { GuildId = guildId, ChannelId = channelId, InDirectMessage = false };

    public FakeInteraction AsAdministrator() => this with { Permissions = FakePermissions.Administrator };

    private static JsonObject FindComponent(FakeMessage message, string customId)
    {
        var components = JsonNode.Parse(message.Json.GetRawText())!["components"] as JsonArray;
        var component = ComponentWalker.Find(components, customId)
            ?? throw new ArgumentException($"Message {message.Id} has no component '{customId}' (it has: {string.Join(", ", message.CustomIds)}).", nameof(customId));
        if (component["disabled"] is JsonValue disabled && disabled.TryGetValue<bool>(out var isDisabled) && isDisabled)
        {
            throw new ArgumentException($"Component '{customId}' on message {message.Id} is disabled: a user cannot use it.", nameof(customId));
        }

        return component;
    }

    private static void CheckInput(InteractionResponse modal, JsonObject input, IReadOnlyDictionary<string, string> fields)
    {
        var inputId = input["custom_id"]!.ToString();
        var required = input["required"] is not JsonValue r || !r.TryGetValue<bool>(out var isRequired) || isRequired;
        var value = fields.GetValueOrDefault(inputId);
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                throw new ArgumentException($"Modal '{modal.CustomId}' requires '{inputId}'.", nameof(fields));
            }

            return;
        }

        var min = input["min_length"] is JsonValue mn && mn.TryGetValue<int>(out var minLength) ? minLength : 0;
        var max = input["max_length"] is JsonValue mx && mx.TryGetValue<int>(out var maxLength) ? maxLength : 4000;
        var length = Limits.Fields.Length(value);
        if (length < min || length > max)
        {
            throw new ArgumentException($"'{inputId}' must be {min}–{max} characters; the value has {length}.", nameof(fields));
        }
    }

    private static JsonObject Option(string name, object value) => value switch
    {
        string s => new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = s },
        int or long => new JsonObject { ["name"] = name, ["type"] = 4, ["value"] = Convert.ToInt64(value, CultureInfo.InvariantCulture) },
        bool b => new JsonObject { ["name"] = name, ["type"] = 5, ["value"] = b },
        double or float or decimal => new JsonObject { ["name"] = name, ["type"] = 10, ["value"] = Convert.ToDouble(value, CultureInfo.InvariantCulture) },
        FakeUser user => new JsonObject { ["name"] = name, ["type"] = 6, ["value"] = user.Id },
        FakeChannel channel => new JsonObject { ["name"] = name, ["type"] = 7, ["value"] = channel.Id },
        _ => throw new ArgumentException($"Option '{name}' has a value of type {value.GetType().Name}; use string, int, long, bool, double, FakeUser or FakeChannel.", nameof(value)),
    };
}
