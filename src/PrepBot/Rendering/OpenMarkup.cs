namespace PrepBot.Rendering;

/// <summary>The Discord markup open at a position of a message: what a cut there must close and reopen.</summary>
/// <param name="Spoiler">Inside <c>||spoiler||</c> markers.</param>
/// <param name="Fence">The opening fence line of the code block we are in (indentation, <c>```</c>, language), or null.</param>
/// <param name="FenceIndent">What stood before the opening <c>```</c> (list indentation, a quote bar), repeated on the closing fence.</param>
/// <param name="CodeTicks">Length of the backtick run of the inline code span we are in, or 0.</param>
internal readonly record struct OpenMarkup(bool Spoiler, string? Fence, string FenceIndent, int CodeTicks)
{
    /// <summary>What a chunk ending here appends, innermost first.</summary>
    public string Close() =>
        new string('`', CodeTicks)
        + (Fence is null ? "" : "\n" + FenceIndent + "```")
        + (Spoiler ? (Fence is null ? "||" : "\n||") : "");

    /// <summary>What the next chunk starting here prepends, outermost first.</summary>
    public string Reopen() =>
        (Spoiler ? (Fence is null ? "||" : "||\n") : "")
        + (Fence is null ? "" : Fence + "\n")
        + new string('`', CodeTicks);

    /// <summary>True when <paramref name="after"/> has markup open that this state has not.</summary>
    public bool IsOpenedBy(OpenMarkup after) =>
        (after.Spoiler && !Spoiler) || (after.Fence is not null && Fence is null) || (after.CodeTicks > 0 && CodeTicks == 0);
}
