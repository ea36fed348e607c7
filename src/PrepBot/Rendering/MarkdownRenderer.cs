using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace PrepBot.Rendering;

/// <summary>
/// Renders card Markdown (CommonMark with pipe tables, task lists, strikethrough and bare links)
/// for Discord or for a terminal. Stateless and thread-safe.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .Build();

    /// <summary>
    /// Discord's Markdown subset. Tables become fixed-width code blocks, and text the author wrote
    /// literally is escaped so that it stays literal. Blocks are separated by a blank line; the
    /// result may exceed a message's length: see <see cref="MessageSplitter"/>.
    /// </summary>
    public static string ToDiscord(string markdown) => Render(markdown, MarkdownStyle.Discord);

    /// <summary>
    /// Like <see cref="ToDiscord"/>, with each block's text hidden behind a <c>||spoiler||</c>
    /// (code blocks and tables as <c>||</c>, the block, <c>||</c> on their own lines).
    /// </summary>
    public static string ToDiscordSpoiler(string markdown) => Render(markdown, MarkdownStyle.DiscordSpoiler);

    /// <summary>
    /// Terminal text without Markdown markers: underlined headings, inline code as its bare text,
    /// code blocks indented by four spaces, <c>- </c>/<c>1. </c> lists, <c>[ ]</c>/<c>[x]</c> tasks,
    /// <c>text (url)</c> links, aligned table columns and <c>| </c> quotes.
    /// </summary>
    public static string ToPlainText(string markdown) => Render(markdown, MarkdownStyle.PlainText);

    private static string Render(string markdown, MarkdownStyle style)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        return string.Join("\n\n", new MarkdownWalker(style).RenderBlocks(document));
    }
}
