namespace PrepBot.Discord.Models;

/// <summary>A rich embed. Limits: title 256, description 4096, 25 fields (name 256, value 1024), footer 2048, author 256, 6000 in all.</summary>
public sealed class Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>RGB as an integer, e.g. 0x5865F2.</summary>
    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedAuthor? Author { get; init; }

    public EmbedMedia? Image { get; init; }

    public EmbedMedia? Thumbnail { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

public sealed class EmbedFooter
{
    public required string Text { get; init; }

    public string? IconUrl { get; init; }
}

public sealed class EmbedAuthor
{
    public required string Name { get; init; }

    public string? Url { get; init; }

    public string? IconUrl { get; init; }
}

public sealed class EmbedMedia
{
    public required string Url { get; init; }
}

public sealed class EmbedField
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public bool? Inline { get; init; }
}
