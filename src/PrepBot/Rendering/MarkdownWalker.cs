using System.Globalization;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PrepBot.Rendering;

/// <summary>
/// The one walk over a parsed Markdown document, rendering it in a <see cref="MarkdownStyle"/>.
/// Each block renders to text without a trailing newline; containers join their children with a
/// blank line (a single newline inside tight lists) and put their prefix (list marker, quote bar)
/// before every line. One instance renders one document.
/// </summary>
internal sealed class MarkdownWalker(MarkdownStyle style)
{
    private const string ThematicBreak = "──────────";

    private int _quoteDepth;

    private bool IsDiscord => style != MarkdownStyle.PlainText;

    private bool IsSpoiler => style == MarkdownStyle.DiscordSpoiler;

    /// <summary>The document's top-level blocks, rendered; blocks that render to nothing are left out.</summary>
    public IReadOnlyList<string> RenderBlocks(MarkdownDocument document) => RenderChildren(document).ToList();

    private IEnumerable<string> RenderChildren(ContainerBlock container) =>
        container.Select(RenderBlock).Where(text => text.Length > 0);

    private string RenderBlock(Block block) => block switch
    {
        HeadingBlock heading => RenderHeading(heading),
        ParagraphBlock paragraph => Hide(RenderInlines(paragraph.Inline)),
        CodeBlock code => RenderCode(code),
        HtmlBlock html => RenderHtml(html),
        ThematicBreakBlock => ThematicBreak,
        Table table => RenderTable(table),
        ListBlock list => RenderList(list),
        QuoteBlock quote => RenderQuote(quote),
        LinkReferenceDefinitionGroup or LinkReferenceDefinition => "",
        ContainerBlock container => string.Join("\n\n", RenderChildren(container)),
        LeafBlock leaf => Hide(RenderLiteralLines(leaf.Lines.ToString())),
        _ => "",
    };

    private string RenderHeading(HeadingBlock heading)
    {
        var text = RenderInlines(heading.Inline);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        if (IsDiscord)
        {
            // Discord draws only three heading sizes.
            return new string('#', Math.Min(heading.Level, 3)) + " " + Hide(text);
        }

        var width = text.Split('\n').Max(TextTable.Width);
        return text + "\n" + new string(heading.Level == 1 ? '=' : '-', width);
    }

    private string RenderCode(CodeBlock code)
    {
        var text = code.Lines.ToString().TrimEnd();
        if (text.Length == 0)
        {
            return "";
        }

        return IsDiscord
            ? FenceCode(text, DiscordText.Language((code as FencedCodeBlock)?.Info))
            : Prefix(text, "    ", "    ", "");
    }

    private string RenderHtml(HtmlBlock html) => Hide(RenderLiteralLines(html.Lines.ToString().TrimEnd()));

    private string RenderLiteralLines(string text) =>
        string.Join("\n", text.Split('\n').Select(line => IsDiscord ? DiscordText.Escape(line, atLineStart: true) : line));

    private string RenderTable(Table table)
    {
        // Neither Discord nor a terminal draws tables: lay the cells out as plain-text columns.
        var cellWalker = new MarkdownWalker(MarkdownStyle.PlainText);
        var rows = new List<IReadOnlyList<string>>();
        var headerRows = 0;
        foreach (var row in table.OfType<TableRow>())
        {
            rows.Add(row.OfType<TableCell>()
                .Select(cell => string.Join(" ", cellWalker.RenderChildren(cell)).ReplaceLineEndings(" "))
                .ToList());
            if (row.IsHeader && headerRows == rows.Count - 1)
            {
                headerRows++;
            }
        }

        var alignments = table.ColumnDefinitions.Select(column => column.Alignment).ToList();
        var text = string.Join("\n", TextTable.Format(rows, headerRows, alignments));
        return IsDiscord ? FenceCode(text, "") : text;
    }

    private string RenderList(ListBlock list)
    {
        var separator = list.IsLoose ? "\n\n" : "\n";
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : 1;
        var items = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? number++.ToString(CultureInfo.InvariantCulture) + ". " : "- ";
            items.Add(Prefix(string.Join(separator, RenderChildren(item)), marker, new string(' ', marker.Length), ""));
        }

        return string.Join(separator, items);
    }

    private string RenderQuote(QuoteBlock quote)
    {
        _quoteDepth++;
        var text = string.Join("\n\n", RenderChildren(quote));
        _quoteDepth--;
        if (!IsDiscord)
        {
            return Prefix(text, "| ", "| ", "|");
        }

        // Discord cannot nest quotes: an inner quote's lines already get the outer one's bar.
        return _quoteDepth > 0 ? text : Prefix(text, "> ", "> ", "> ");
    }

    /// <summary>Wraps a block's text in a spoiler when rendering answers.</summary>
    private string Hide(string text) => IsSpoiler ? DiscordText.Spoiler(text) : text;

    private string FenceCode(string code, string language)
    {
        if (!IsSpoiler)
        {
            return DiscordText.CodeBlock(code, language);
        }

        return "||\n" + DiscordText.CodeBlock(DiscordText.DisarmSpoilerMarkers(code), language) + "\n||";
    }

    /// <summary>Puts <paramref name="first"/> before the first line, <paramref name="rest"/> before the
    /// other lines and replaces empty lines with <paramref name="blank"/>.</summary>
    private static string Prefix(string text, string first, string rest, string blank)
    {
        var lines = text.Split('\n');
        var builder = new StringBuilder(text.Length + (lines.Length * rest.Length) + first.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            var prefix = i == 0 ? first : rest;
            builder.Append(lines[i].Length > 0 ? prefix + lines[i] : i == 0 ? first.TrimEnd() : blank);
        }

        return builder.ToString();
    }

    private string RenderInlines(ContainerInline? inlines)
    {
        var builder = new StringBuilder();
        if (inlines is not null)
        {
            AppendChildren(inlines, builder);
        }

        return builder.ToString();
    }

    private void AppendChildren(ContainerInline container, StringBuilder builder)
    {
        // Markdig cuts literal text at backslash escapes ("1\. x" is "1" then ". x"); escaping
        // for Discord needs the joined text to see what a line starts with.
        var literal = new StringBuilder();
        foreach (var inline in container)
        {
            if (inline is LiteralInline text)
            {
                literal.Append(text.Content.ToString());
                continue;
            }

            AppendLiteral(literal.ToString(), builder);
            literal.Clear();
            AppendInline(inline, builder);
        }

        AppendLiteral(literal.ToString(), builder);
    }

    private void AppendInline(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case EmphasisInline emphasis:
                AppendEmphasis(emphasis, builder);
                break;
            case CodeInline code when IsDiscord:
                builder.Append(DiscordText.InlineCode(IsSpoiler ? DiscordText.DisarmSpoilerMarkers(code.Content) : code.Content));
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LinkInline link:
                AppendLink(link, link.GetDynamicUrl?.Invoke() ?? link.Url ?? "", builder);
                break;
            case AutolinkInline autolink:
                AppendUrl(autolink.Url, builder);
                break;
            case LineBreakInline lineBreak:
                // Discord wraps lines itself: a soft break in the source is just a space there.
                builder.Append(lineBreak.IsHard || !IsDiscord ? '\n' : ' ');
                break;
            case HtmlInline html:
                AppendLiteral(html.Tag, builder);
                break;
            case HtmlEntityInline entity:
                AppendLiteral(entity.Transcoded.ToString(), builder);
                break;
            case TaskList task:
                builder.Append((IsDiscord, task.Checked) switch
                {
                    (true, true) => "☑",
                    (true, false) => "☐",
                    (false, true) => "[x]",
                    (false, false) => "[ ]",
                });
                break;
            case ContainerInline container:
                AppendChildren(container, builder);
                break;
            default:
                AppendLiteral(inline.ToString() ?? "", builder);
                break;
        }
    }

    private void AppendLiteral(string text, StringBuilder builder)
    {
        if (!IsDiscord)
        {
            builder.Append(text);
            return;
        }

        var atLineStart = builder.Length == 0 || builder[^1] == '\n';
        builder.Append(DiscordText.Escape(text, atLineStart));
    }

    private void AppendEmphasis(EmphasisInline emphasis, StringBuilder builder)
    {
        if (!IsDiscord)
        {
            AppendChildren(emphasis, builder);
            return;
        }

        // Discord reads __text__ as underline, so strong emphasis always uses asterisks.
        var marker = emphasis.DelimiterChar == '~' ? "~~" : emphasis.DelimiterCount >= 2 ? "**" : "*";
        builder.Append(marker);
        AppendChildren(emphasis, builder);
        builder.Append(marker);
    }

    /// <summary>A link or an image (shown as a link to the image).</summary>
    private void AppendLink(LinkInline link, string url, StringBuilder builder)
    {
        var label = RenderInlines(link);
        var plainLabel = IsDiscord ? new MarkdownWalker(MarkdownStyle.PlainText).RenderInlines(link) : label;
        if (link.IsAutoLink || plainLabel.Length == 0 || plainLabel == url)
        {
            AppendUrl(url, builder, plainLabel.Length > 0 && !IsDiscord ? plainLabel : url);
            return;
        }

        if (IsDiscord && DiscordText.IsWebUrl(url))
        {
            builder.Append('[').Append(label).Append("](").Append(DiscordText.SafeUrl(url)).Append(')');
            return;
        }

        builder.Append(label).Append(" (");
        AppendLiteral(url, builder);
        builder.Append(')');
    }

    /// <summary>A bare address: in Discord within angle brackets, which stops the link preview.</summary>
    private void AppendUrl(string url, StringBuilder builder, string? shownAs = null)
    {
        if (IsDiscord && DiscordText.IsWebUrl(url))
        {
            builder.Append('<').Append(DiscordText.SafeUrl(url)).Append('>');
            return;
        }

        AppendLiteral(shownAs ?? url, builder);
    }
}
