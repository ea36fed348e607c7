using System.Globalization;

namespace PrepBot.Content;

/// <summary>One problem in a card file, shown to authors as <c>path:line: message</c>.</summary>
/// <param name="Path">The file, as the caller named it (content-relative in the parser and catalog).</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}: {Message}");
}
