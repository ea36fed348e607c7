using System.Text;
using System.Text.RegularExpressions;

namespace PrepBot.Tests.Architecture;

/// <summary>Finds SQL in the string literals of C# source: regular, verbatim (<c>@"…"</c>), interpolated and raw (<c>"""…"""</c>).</summary>
internal static partial class SqlText
{
    /// <summary>The literals of <paramref name="source"/> that hold SQL statements (keywords upper case, as the code writes them).</summary>
    public static IReadOnlyList<string> In(string source) => [.. Literals(source).Where(literal => Statement().IsMatch(literal))];

    /// <summary>The contents of every string literal, comments skipped.</summary>
    public static IEnumerable<string> Literals(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : source.Length;
            }
            else if (source[i] == '\'')
            {
                // A char literal: '"' must not open a string.
                i = source[i + 1] == '\\' ? source.IndexOf('\'', i + 3) + 1 : i + 3;
            }
            else if (source[i] == '"')
            {
                var verbatim = i > 0 && (source[i - 1] == '@' || (i > 1 && source[i - 2] == '@'));
                var quotes = 0;
                while (i + quotes < source.Length && source[i + quotes] == '"')
                {
                    quotes++;
                }

                if (quotes >= 3)
                {
                    var close = new string('"', quotes);
                    var end = source.IndexOf(close, i + quotes, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end;
                    yield return source[(i + quotes)..end];
                    i = end + quotes;
                }
                else if (quotes == 2 && !verbatim)
                {
                    i += 2; // ""
                }
                else
                {
                    var text = new StringBuilder();
                    var j = i + 1;
                    while (j < source.Length)
                    {
                        if (verbatim && source[j] == '"' && j + 1 < source.Length && source[j + 1] == '"')
                        {
                            text.Append('"');
                            j += 2;
                        }
                        else if (source[j] == '"' || (!verbatim && source[j] == '\n'))
                        {
                            break;
                        }
                        else if (!verbatim && source[j] == '\\')
                        {
                            text.Append(source, j, Math.Min(2, source.Length - j));
                            j += 2;
                        }
                        else
                        {
                            text.Append(source[j++]);
                        }
                    }

                    yield return text.ToString();
                    i = j + 1;
                }
            }
            else
            {
                i++;
            }
        }
    }

    [GeneratedRegex(@"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+""?\w+""?\s+SET\b|\bDELETE\s+FROM\b|\bCREATE\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w|\bATTACH\s+(DATABASE\s+)?'|\bWITH\s+\w+\s+AS\s*\(")]
    private static partial Regex Statement();
}
