using System.Text.Json;
using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord;

/// <summary>What the bot sent, and waiters for it.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Visible (non-ephemeral) messages in a channel, oldest first: channel posts, interaction responses and follow-ups.</summary>
    public IReadOnlyList<FakeMessage> GetMessages(string channelId) => _state.Traffic.MessagesIn(channelId);

    /// <summary>Every message the bot created, ephemeral ones included, oldest first (current versions after edits).</summary>
    public IReadOnlyList<FakeMessage> AllMessages => _state.Traffic.AllMessages();

    public FakeMessage? FindMessage(string messageId) => _state.Traffic.FindMessage(messageId);

    /// <summary>Waits until the channel holds at least <paramref name="count"/> visible messages; returns them all.</summary>
    public Task<IReadOnlyList<FakeMessage>> WaitForMessagesAsync(string channelId, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => _state.Traffic.MessagesIn(channelId) is { } messages && messages.Count >= count ? messages : null,
            timeout ?? DefaultWaitTimeout,
            () => $"{count} message(s) in channel {channelId} (have {_state.Traffic.MessagesIn(channelId).Count})",
            cancellationToken);

    /// <summary>Every interaction the fake dispatched, in no particular order.</summary>
    public IReadOnlyList<DispatchedInteraction> Interactions => _state.Interactions.All();

    public InteractionResponse? GetInteractionResponse(string interactionId) => _state.Interactions.ResponseTo(interactionId);

    /// <summary>Waits for the bot's callback to the interaction.</summary>
    public Task<InteractionResponse> WaitForInteractionResponseAsync(string interactionId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => _state.Interactions.ResponseTo(interactionId),
            timeout ?? DefaultWaitTimeout,
            () => $"the callback to interaction {interactionId}",
            cancellationToken);

    /// <summary>The original response message (type 4, or type 5 once edited; the component's message for 6/7), current version.</summary>
    public FakeMessage? GetOriginalResponse(string interactionId) =>
        _state.Interactions.OriginalMessageId(interactionId) is { } id ? _state.Traffic.FindMessage(id) : null;

    /// <summary>Waits until the original response exists and satisfies <paramref name="condition"/> (default: not loading any more).</summary>
    public Task<FakeMessage> WaitForOriginalResponseAsync(string interactionId, Func<FakeMessage, bool>? condition = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        condition ??= m => (m.Flags & 128) == 0;
        return _state.Signal.WaitAsync(
            () => GetOriginalResponse(interactionId) is { } message && condition(message) ? message : null,
            timeout ?? DefaultWaitTimeout,
            () => $"the original response to interaction {interactionId}",
            cancellationToken);
    }

    public IReadOnlyList<FakeMessage> GetFollowUps(string interactionId) =>
        [.. _state.Interactions.FollowUpIds(interactionId).Select(_state.Traffic.FindMessage).OfType<FakeMessage>()];

    public Task<IReadOnlyList<FakeMessage>> WaitForFollowUpsAsync(string interactionId, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => GetFollowUps(interactionId) is { } followUps && followUps.Count >= count ? followUps : null,
            timeout ?? DefaultWaitTimeout,
            () => $"{count} follow-up(s) to interaction {interactionId}",
            cancellationToken);

    public IReadOnlyList<FakeThread> Threads => _state.Traffic.Threads();

    public IReadOnlyList<string> GetThreadMembers(string threadId) => _state.Traffic.ThreadMembers(threadId);

    /// <summary>Archived by <c>PATCH /channels/{id}</c> and not revived by a message since.</summary>
    public bool IsThreadArchived(string threadId) => _state.Traffic.IsThreadArchived(threadId);

    /// <summary>Every accepted bulk overwrite, in order.</summary>
    public IReadOnlyList<CommandOverwrite> CommandOverwrites => _state.Traffic.Overwrites();

    public int GlobalCommandOverwriteCount => _state.Traffic.Overwrites().Count(o => o.GuildId is null);

    public int GuildCommandOverwriteCount(string guildId) => _state.Traffic.Overwrites().Count(o => o.GuildId == guildId);

    /// <summary>The commands registered now (with ids), global when <paramref name="guildId"/> is null; null if never overwritten.</summary>
    public JsonElement? GetCommands(string? guildId = null) =>
        _state.Traffic.CurrentCommands(guildId) is { } commands ? JsonSerializer.SerializeToElement(commands) : null;

    /// <summary>Requests refused for the bot's own fault (validation, auth, unknown ids, late callbacks). Should be empty in end-to-end tests.</summary>
    public IReadOnlyList<Rejection> Rejections => _state.Traffic.Rejections();

    /// <summary>A user who blocks DMs: posting into their DM channel fails with 403 / 50007.</summary>
    public void SetCannotDm(string userId, bool cannotDm = true) => _state.Channels.SetCannotDm(userId, cannotDm);
}
