namespace PrepBot.Discord.Models;

/// <summary>A file attached to a message, as Discord returns it.</summary>
public sealed class Attachment
{
    public Snowflake Id { get; init; }

    public string Filename { get; init; } = string.Empty;

    /// <summary>Alt text, up to 1024 characters.</summary>
    public string? Description { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Bytes.</summary>
    public long Size { get; init; }

    public string Url { get; init; } = string.Empty;

    public string? ProxyUrl { get; init; }

    /// <summary>Images only.</summary>
    public int? Height { get; init; }

    /// <summary>Images only.</summary>
    public int? Width { get; init; }

    /// <summary>Set on attachments of ephemeral messages.</summary>
    public bool? Ephemeral { get; init; }
}

/// <summary>
/// An entry of the <c>attachments</c> array of a message create or edit: <see cref="Id"/> is <c>n</c> of the uploaded
/// <c>files[n]</c> part for a new file, or the id of an attachment the message already has (on edits: every attachment
/// not listed is removed).
/// </summary>
public sealed class PartialAttachment
{
    public Snowflake Id { get; init; }

    public string? Filename { get; init; }

    /// <summary>Alt text, up to 1024 characters.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// A file uploaded with a message: the REST client sends it as the multipart part <c>files[n]</c> beside
/// <c>payload_json</c>, where n is its index in the list handed to the client.
/// </summary>
/// <param name="Filename">The name Discord shows, e.g. <c>activity.png</c>; no path separators.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The media type, e.g. <c>image/png</c>.</param>
public sealed record FileUpload(string Filename, ReadOnlyMemory<byte> Content, string ContentType)
{
    /// <summary>Alt text, up to 1024 characters.</summary>
    public string? Description { get; init; }
}
