namespace PrepBot.Rendering;

/// <summary>The output flavours <see cref="MarkdownWalker"/> can produce.</summary>
internal enum MarkdownStyle
{
    /// <summary>Discord's Markdown subset.</summary>
    Discord,

    /// <summary>Discord's Markdown subset with every block hidden behind <c>||spoiler||</c> markers.</summary>
    DiscordSpoiler,

    /// <summary>Terminal text without any Markdown markers.</summary>
    PlainText,
}
