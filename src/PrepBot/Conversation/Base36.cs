namespace PrepBot.Conversation;

/// <summary>
/// Numbers in base 36 (0–9, a–z): ids, versions and times written into component custom ids and nonces stay short
/// enough for Discord's limits (100 and 25 characters) even at their largest.
/// </summary>
public static class Base36
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string Format(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Format((ulong)value);
    }

    public static string Format(ulong value)
    {
        Span<char> buffer = stackalloc char[13];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[i..]);
    }

    /// <summary>Reads a non-negative <see cref="long"/>; false for empty text, other characters or overflow.</summary>
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 13)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0 || value > (long.MaxValue - digit) / 36)
            {
                return false;
            }

            value = (value * 36) + digit;
        }

        return true;
    }
}
