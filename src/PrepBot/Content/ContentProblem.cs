using System.Globalization;

namespace PrepBot.Content;

/// <summary>One problem in a card file, shown to authors as <c>path:line: message</c>.</summary>
/// <param name="Path">The file, as the caller named it (content-relative in the parser and catalog).</param>
/// <param name="Line">1-based line in the file; 0 for a problem of a whole folder (shown as <c>path: message</c>).</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}: {Message}")
        : $"{Path}: {Message}";
}
