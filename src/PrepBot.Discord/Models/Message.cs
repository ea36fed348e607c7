using System.Text.Json;

namespace PrepBot.Discord.Models;

[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Discord's own name for the field.")]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
}

/// <summary>A message as Discord returns it (fields PrepBot reads).</summary>
public sealed class Message
{
    public Snowflake Id { get; init; }

    public Snowflake ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    public User? Author { get; init; }

    public string Content { get; init; } = string.Empty;

    public DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    public int Type { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>A string or a number, as the sender chose.</summary>
    public JsonElement? Nonce { get; init; }

    public Snowflake? WebhookId { get; init; }

    /// <summary>The thread started from this message, if any.</summary>
    public Channel? Thread { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }
}

/// <summary>
/// Body of <c>POST /channels/{channel_id}/messages</c>. Leave <see cref="Nonce"/> empty and the REST client sets a
/// fresh one with <see cref="EnforceNonce"/>, so a retried post is not delivered twice.
/// </summary>
public sealed class MessageCreate
{
    /// <summary>Up to 2000 characters.</summary>
    public string? Content { get; init; }

    /// <summary>Up to 25 characters.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public bool? Tts { get; init; }

    /// <summary>Up to 10.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Send it explicitly (<see cref="AllowedMentions.None"/>) so card or learner text never pings anyone.</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>Up to 5 action rows.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    public MessageFlags? Flags { get; init; }

    /// <summary>Files to keep or upload (see <see cref="PartialAttachment"/>); filled in by the REST client when files are sent without it.</summary>
    public IReadOnlyList<PartialAttachment>? Attachments { get; init; }

    /// <summary>This body with a nonce set: <paramref name="nonce"/> and <see cref="EnforceNonce"/> true.</summary>
    public MessageCreate WithNonce(string nonce) => new()
    {
        Content = Content,
        Nonce = nonce,
        EnforceNonce = true,
        Tts = Tts,
        Embeds = Embeds,
        AllowedMentions = AllowedMentions,
        MessageReference = MessageReference,
        Components = Components,
        Flags = Flags,
        Attachments = Attachments,
    };
}

/// <summary>Body of <c>PATCH /channels/{channel_id}/messages/{message_id}</c>: null fields stay as they are; an empty list clears.</summary>
public sealed class MessageEdit
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public MessageFlags? Flags { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The attachments to keep and the uploaded files to add; every attachment not listed is removed.</summary>
    public IReadOnlyList<PartialAttachment>? Attachments { get; init; }
}

/// <summary>
/// Body of an interaction follow-up (<c>POST /webhooks/{application_id}/{token}</c>) or an edit of the original
/// response (<c>PATCH .../messages/@original</c>). On edits, null fields stay as they are.
/// </summary>
public sealed class WebhookMessage
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Follow-ups only: <see cref="MessageFlags.Ephemeral"/> makes it visible to the learner alone.</summary>
    public MessageFlags? Flags { get; init; }

    public bool? Tts { get; init; }

    /// <summary>Files to keep or upload (see <see cref="PartialAttachment"/>); filled in by the REST client when files are sent without it.</summary>
    public IReadOnlyList<PartialAttachment>? Attachments { get; init; }
}

/// <summary>Which mentions in the content may ping. <see cref="None"/> pings nobody.</summary>
public sealed class AllowedMentions
{
    /// <summary>Pings nobody: not @everyone, not roles, not users.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>"roles", "users", "everyone". Empty pings nobody unless listed in <see cref="Users"/>/<see cref="Roles"/>.</summary>
    public IReadOnlyList<string>? Parse { get; init; }

    public IReadOnlyList<Snowflake>? Users { get; init; }

    public IReadOnlyList<Snowflake>? Roles { get; init; }

    public bool? RepliedUser { get; init; }

    /// <summary>Pings the listed users only.</summary>
    public static AllowedMentions OnlyUsers(params IEnumerable<Snowflake> users) => new() { Parse = [], Users = [.. users] };
}

public sealed class MessageReference
{
    public Snowflake? MessageId { get; init; }

    public Snowflake? ChannelId { get; init; }

    public Snowflake? GuildId { get; init; }

    public bool? FailIfNotExists { get; init; }
}
