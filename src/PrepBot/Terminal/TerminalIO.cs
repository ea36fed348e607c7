namespace PrepBot.Terminal;

/// <summary>Where the practice session reads and writes: the console, or strings in tests.</summary>
public sealed record TerminalIO(TextReader Input, TextWriter Output)
{
    public static TerminalIO Console { get; } = new(System.Console.In, System.Console.Out);
}
