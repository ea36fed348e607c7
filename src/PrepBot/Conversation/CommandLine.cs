using System.Text;

namespace PrepBot.Conversation;

/// <summary>
/// Parses a typed command the way the terminal accepts it: <c>/plan week:3</c>, <c>/card show id:sql-top-n</c>,
/// <c>/setup daily time:"07:30"</c>. The first word names the command, bare words before the first <c>key:value</c> its
/// sub-command; values may be quoted to hold spaces.
/// </summary>
public static class CommandLine
{
    public static CommandInput Parse(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var words = Split(typed.Trim().TrimStart('/'));
        var name = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && name.Count > 0)
            {
                options[word[..colon]] = word[(colon + 1)..];
            }
            else if (options.Count == 0)
            {
                name.Add(word);
            }
            else
            {
                // A bare word after options belongs to the previous value ("topic:window functions").
                var last = options.Keys.Last();
                options[last] = options[last] + " " + word;
            }
        }

        return new CommandInput(string.Join(' ', name).ToLowerInvariant(), options);
    }

    private static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
