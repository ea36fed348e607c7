using PrepBot.FakeDiscord.Recording;

namespace PrepBot.FakeDiscord;

/// <summary>DMs the bot sent: reminders and other messages to one user.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Opens (or finds) the DM channel with a user without a request from the bot, as if the bot had opened it on an
    /// earlier day: a benchmark or test can start from a bot that already knows its DM channels.
    /// </summary>
    public string OpenDirectMessageChannel(string userId) => _state.Channels.DmChannelWith(userId).Id;

    /// <summary>Messages the bot sent into its DM channel with <paramref name="userId"/>, oldest first; empty if it never opened one.</summary>
    public IReadOnlyList<FakeMessage> GetDirectMessages(string userId) =>
        _state.Channels.ExistingDmChannel(userId) is { } channel ? _state.Traffic.MessagesIn(channel) : [];

    /// <summary>Waits until the bot sent at least <paramref name="count"/> DMs to <paramref name="userId"/>; returns them all.</summary>
    public Task<IReadOnlyList<FakeMessage>> WaitForDirectMessagesAsync(string userId, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Signal.WaitAsync(
            () => GetDirectMessages(userId) is { } messages && messages.Count >= count ? messages : null,
            timeout ?? DefaultWaitTimeout,
            () => $"{count} DM(s) to user {userId} (have {GetDirectMessages(userId).Count})",
            cancellationToken);
}
