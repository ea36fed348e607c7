namespace PrepBot.FakeDiscord.Recording;

/// <summary>A thread the bot created: type 11 public or 12 private; <see cref="StarterMessageId"/> when started from a message.</summary>
public sealed record FakeThread(
    string Id,
    string ParentId,
    string Name,
    int Type,
    string? StarterMessageId,
    bool Invitable,
    int AutoArchiveDuration);
