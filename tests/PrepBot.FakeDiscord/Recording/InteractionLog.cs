using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Recording;

/// <summary>Interactions the fake dispatched and what the bot answered to each; callers hold <see cref="Gate"/> while changing an entry.</summary>
internal sealed class InteractionLog(ChangeSignal signal)
{
    private readonly Dictionary<string, InteractionEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionEntry> _byToken = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public void Add(InteractionEntry entry)
    {
        lock (Gate)
        {
            _byId[entry.Dispatched.Id] = entry;
            _byToken[entry.Dispatched.Token] = entry;
        }

        signal.Pulse();
    }

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public InteractionEntry? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public InteractionEntry? FindByToken(string token) => _byToken.GetValueOrDefault(token);

    public void MarkDelivered(string id, DateTimeOffset now)
    {
        lock (Gate)
        {
            if (_byId.TryGetValue(id, out var entry))
            {
                entry.DeliveredAt = now;
            }
        }

        signal.Pulse();
    }

    public InteractionResponse? ResponseTo(string id)
    {
        lock (Gate)
        {
            return _byId.GetValueOrDefault(id)?.Response;
        }
    }

    public IReadOnlyList<string> FollowUpIds(string id)
    {
        lock (Gate)
        {
            return _byId.TryGetValue(id, out var entry) ? [.. entry.FollowUpIds] : [];
        }
    }

    public string? OriginalMessageId(string id)
    {
        lock (Gate)
        {
            return _byId.GetValueOrDefault(id)?.OriginalMessageId;
        }
    }

    public IReadOnlyList<DispatchedInteraction> All()
    {
        lock (Gate)
        {
            return [.. _byId.Values.Select(e => e.Dispatched)];
        }
    }

    public void Changed() => signal.Pulse();
}

/// <summary>The fake's state for one interaction.</summary>
internal sealed class InteractionEntry(DispatchedInteraction dispatched, DateTimeOffset createdAt, JsonObject? sourceMessage)
{
    public DispatchedInteraction Dispatched { get; } = dispatched;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The message a component lived on (component interactions and modals opened from one).</summary>
    public JsonObject? SourceMessage { get; } = sourceMessage;

    public DateTimeOffset? DeliveredAt { get; set; }

    public InteractionResponse? Response { get; set; }

    public string? OriginalMessageId { get; set; }

    public List<string> FollowUpIds { get; } = [];
}
