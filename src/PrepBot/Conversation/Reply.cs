namespace PrepBot.Conversation;

/// <summary>
/// What a feature answers, independent of where it is shown: Markdown text plus at most one select menu,
/// some buttons, or a request to open a form. The Discord transport turns it into a message with
/// components; the terminal prints it with numbered choices.
/// </summary>
public sealed record Reply
{
    /// <summary>
    /// The message, in CommonMark (tables and task lists allowed); transports render it. Mentions, channels and times
    /// go in as <see cref="ReplyText"/> values, never as one platform's markup.
    /// </summary>
    public string Markdown { get; init; } = string.Empty;

    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    public ReplySelect? Select { get; init; }

    /// <summary>Markdown shown after <see cref="Markdown"/> hidden until clicked (Discord's spoiler), e.g. an answer.</summary>
    public string? Spoiler { get; init; }

    /// <summary>When set, the transport opens this form instead of posting a message.</summary>
    public ModalRequest? Modal { get; init; }

    /// <summary>Only the learner who acted sees it (Discord's ephemeral flag).</summary>
    public bool IsPrivate { get; init; } = true;

    /// <summary>Files shown with the message, e.g. a chart (Discord shows images inline; the terminal prints their text fallback).</summary>
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];

    public static Reply Text(string markdown) => new() { Markdown = markdown };

    public static Reply Form(ModalRequest modal) => new() { Modal = modal };
}

/// <summary>A file shown with a reply.</summary>
/// <param name="FileName">A plain file name, e.g. <c>activity.png</c>.</param>
/// <param name="ContentType">Its media type, e.g. <c>image/png</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record ReplyAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>Alt text: what the file shows, for screen readers (at most 1024 characters on Discord).</summary>
    public string? Description { get; init; }

    /// <summary>What a transport that cannot show the file prints instead (plain text, shown as is).</summary>
    public string? TextFallback { get; init; }
}

public enum ButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

public sealed record ReplyButton(string Label, string CustomId, ButtonStyle Style = ButtonStyle.Secondary)
{
    /// <summary>A word that presses the button where one is typed (the terminal's <c>skip</c>, <c>suspend</c>), besides its number.</summary>
    public string? Keyword { get; init; }
}

public sealed record SelectOption(string Label, string Value, string? Description = null);

public sealed record ReplySelect(string CustomId, string Placeholder, IReadOnlyList<SelectOption> Options, int MinValues = 1, int MaxValues = 1);

/// <summary>A form with up to five text fields.</summary>
public sealed record ModalRequest(string CustomId, string Title, IReadOnlyList<ModalField> Fields);

/// <param name="Id">The field's id in <see cref="ModalInput.Fields"/>.</param>
/// <param name="Label">At most 45 characters (Discord's limit).</param>
/// <param name="IsParagraph">Multi-line input.</param>
/// <param name="IsRequired">An empty answer is refused.</param>
/// <param name="MaxLength">At most this many characters (Discord allows 4000).</param>
/// <param name="Placeholder">Grey text shown while the field is empty.</param>
/// <param name="Value">Text the field starts with (e.g. a saved answer to edit); the learner may change or keep it.</param>
public sealed record ModalField(string Id, string Label, bool IsParagraph, bool IsRequired = true, int MaxLength = 4000, string? Placeholder = null, string? Value = null);
