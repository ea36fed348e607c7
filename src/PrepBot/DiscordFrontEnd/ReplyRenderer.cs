using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.Rendering;
using ButtonStyle = PrepBot.Conversation.ButtonStyle;
using DiscordButtonStyle = PrepBot.Discord.Models.ButtonStyle;
using DiscordSelectOption = PrepBot.Discord.Models.SelectOption;

namespace PrepBot.DiscordFrontEnd;

/// <summary>One reply as Discord will show it: a form to open, or one or more messages (long text split at 2000).</summary>
public sealed record RenderedReply(InteractionResponse? Modal, IReadOnlyList<InteractionCallbackData> Messages)
{
    /// <summary>Files uploaded with the last message (its <c>attachments</c> list them, in order).</summary>
    public IReadOnlyList<FileUpload> Files { get; init; } = [];
}

/// <summary>
/// Renders the transport-neutral <see cref="Reply"/> as Discord messages and components, keeping within every limit
/// Discord enforces: content split into 2000-character messages (components on the last), buttons five to a row and
/// at most five rows, labels cut to 80 (buttons) / 45 (form fields) / 100 (select options), a form title to 45.
/// Private replies are ephemeral; every message sends <c>allowed_mentions</c> that ping nobody, so text from cards or
/// learners can never mention @everyone or a role. Mentions, channels and times in the text (<see cref="ReplyText"/>)
/// become Discord's own markup: <c>&lt;@id&gt;</c>, <c>&lt;#id&gt;</c>, <c>&lt;t:unix:style&gt;</c>.
/// </summary>
public static class ReplyRenderer
{
    public const int MaxRows = 5;
    public const int ButtonsPerRow = 5;

    public static RenderedReply Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Modal is { } modal)
        {
            return new RenderedReply(Modal(modal), []);
        }

        var text = Expand(MarkdownRenderer.ToDiscord(reply.Markdown)).TrimEnd();
        if (!string.IsNullOrWhiteSpace(reply.Spoiler))
        {
            text = (text + "\n\n" + Expand(MarkdownRenderer.ToDiscordSpoiler(reply.Spoiler))).Trim();
        }

        var chunks = text.Length == 0 ? [string.Empty] : MessageSplitter.Split(text, MessageSplitter.DiscordMessageLimit);
        var components = Components(reply);
        var files = reply.Attachments.Take(DiscordLimits.MaxFiles).Select(File).ToList();
        var flags = reply.IsPrivate ? MessageFlags.Ephemeral : (MessageFlags?)null;
        var messages = new List<InteractionCallbackData>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            messages.Add(new InteractionCallbackData
            {
                Content = chunks[i].Length == 0 && last && components.Count > 0 ? "\u200b" : chunks[i],
                Components = last && components.Count > 0 ? components : null,
                Flags = flags,
                AllowedMentions = AllowedMentions.None,
                Attachments = last && files.Count > 0
                    ? [.. files.Select((f, n) => new PartialAttachment { Id = new Snowflake((ulong)n), Filename = f.Filename, Description = f.Description })]
                    : null,
            });
        }

        return new RenderedReply(null, messages) { Files = files };
    }

    /// <summary>Replaces the <see cref="ReplyText"/> tokens in already rendered text with Discord markup.</summary>
    public static string Expand(string text) => ReplyText.Expand(text, Markup);

    /// <summary>How Discord writes a value: a mention (pinging nobody, see <c>allowed_mentions</c>), a channel link, a timestamp.</summary>
    public static string Markup(ReplyValue value) => value switch
    {
        MentionValue mention => $"<@{mention.UserId}>",
        ChannelValue channel => $"<#{channel.ChannelId}>",
        TimeValue { Style: TimeStyle.Deadline } time => $"time is up {Timestamp(time.At, 'R')}",
        TimeValue time => Timestamp(time.At, time.Style switch
        {
            TimeStyle.ShortTime => 't',
            TimeStyle.LongTime => 'T',
            TimeStyle.ShortDateTime => 'f',
            TimeStyle.LongDateTime => 'F',
            _ => 'R',
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown reply value."),
    };

    private static string Timestamp(DateTimeOffset at, char style) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>");

    private static FileUpload File(ReplyAttachment attachment) =>
        new(attachment.FileName, attachment.Content, attachment.ContentType)
        {
            Description = attachment.Description is null ? null : Cut(attachment.Description, DiscordLimits.MaxAttachmentDescriptionLength),
        };

    public static InteractionResponse Modal(ModalRequest modal)
    {
        ArgumentNullException.ThrowIfNull(modal);
        var fields = modal.Fields.Take(5).Select(field => Component.Labeled(
            Cut(field.Label, 45),
            Component.TextInput(
                field.Id,
                field.IsParagraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
                required: field.IsRequired,
                maxLength: Math.Clamp(field.MaxLength, 1, 4000),
                value: field.Value is { Length: > 0 } value ? value[..Math.Min(value.Length, Math.Clamp(field.MaxLength, 1, 4000))] : null,
                placeholder: field.Placeholder is null ? null : Cut(field.Placeholder, 100))));
        return InteractionResponse.Modal(modal.CustomId, Cut(modal.Title, 45), fields);
    }

    private static List<Component> Components(Reply reply)
    {
        var rows = new List<Component>();
        if (reply.Select is { } select)
        {
            rows.Add(Component.ActionRow(Component.StringSelect(
                select.CustomId,
                select.Options.Take(25).Select(o => new DiscordSelectOption
                {
                    Label = Cut(o.Label, 100),
                    Value = Cut(o.Value, 100),
                    Description = o.Description is null ? null : Cut(o.Description, 100),
                }),
                placeholder: Cut(select.Placeholder, 150),
                minValues: select.MinValues,
                maxValues: Math.Min(select.MaxValues, Math.Min(25, select.Options.Count)))));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buttons = reply.Buttons.Where(b => seen.Add(b.CustomId)).ToList();
        for (var start = 0; start < buttons.Count && rows.Count < MaxRows; start += ButtonsPerRow)
        {
            rows.Add(Component.ActionRow(buttons.Skip(start).Take(ButtonsPerRow)
                .Select(b => Component.Button(Style(b.Style), b.CustomId, Cut(b.Label, 80)))));
        }

        return rows;
    }

    private static DiscordButtonStyle Style(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => DiscordButtonStyle.Primary,
        ButtonStyle.Success => DiscordButtonStyle.Success,
        ButtonStyle.Danger => DiscordButtonStyle.Danger,
        _ => DiscordButtonStyle.Secondary,
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
