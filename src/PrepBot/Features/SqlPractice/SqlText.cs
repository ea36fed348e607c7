using System.Globalization;
using System.Text;

namespace PrepBot.Features.SqlPractice;

/// <summary>The little SQL lexing the sandbox needs for its messages: skipping comments, the first keyword, positions.</summary>
internal static class SqlText
{
    /// <summary>The first word of the statement (upper case), skipping whitespace, comments and opening parentheses; empty when there is none.</summary>
    public static string LeadingKeyword(string sql)
    {
        var i = SkipTrivia(sql, 0, skipParentheses: true);
        var start = i;
        while (i < sql.Length && (char.IsAsciiLetter(sql[i]) || sql[i] == '_'))
        {
            i++;
        }

        return sql[start..i].ToUpperInvariant();
    }

    /// <summary>True when <paramref name="sql"/> holds nothing but whitespace, comments and semicolons.</summary>
    public static bool IsBlank(string sql) => SkipTrivia(sql, 0, skipParentheses: false, skipSemicolons: true) >= sql.Length;

    /// <summary>The index of the first character after whitespace and comments (and, if asked, '(' and ';').</summary>
    public static int SkipTrivia(string sql, int index, bool skipParentheses, bool skipSemicolons = false)
    {
        var i = index;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c) || (skipParentheses && c == '(') || (skipSemicolons && c == ';'))
            {
                i++;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The character index of a UTF-8 byte offset into <paramref name="text"/> (as <c>sqlite3_error_offset</c> gives it).</summary>
    public static int CharIndexOfUtf8Offset(string text, int byteOffset)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Clamp(byteOffset, 0, bytes.Length));
    }

    /// <summary>1-based line and column of a character index.</summary>
    public static (int Line, int Column) Position(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>The line holding <paramref name="index"/> and a caret under it, for an error message's code block.</summary>
    public static string Caret(string text, int index)
    {
        var (line, column) = Position(text, index);
        var lineText = text.Split('\n')[line - 1].TrimEnd('\r');
        var prefix = lineText[..Math.Min(column - 1, lineText.Length)];
        var indent = new string(prefix.Select(c => c == '\t' ? '\t' : ' ').ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{lineText}\n{indent}^");
    }
}
