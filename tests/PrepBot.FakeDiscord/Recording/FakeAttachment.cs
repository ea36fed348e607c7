namespace PrepBot.FakeDiscord.Recording;

/// <summary>A file the bot uploaded with a message (<c>multipart/form-data</c>), with the bytes it sent.</summary>
public sealed record FakeAttachment(string Id, string Filename, string? Description, string? ContentType, long Size, int? Width, int? Height)
{
    public ReadOnlyMemory<byte> Content { get; init; }
}
