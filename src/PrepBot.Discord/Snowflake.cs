using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrepBot.Discord;

/// <summary>
/// A Discord id: a 64-bit number that JSON carries as a string. <c>(id &gt;&gt; 22) + 1420070400000</c> is the
/// Unix time in milliseconds when the object was created.
/// </summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>, ISpanFormattable
{
    /// <summary>The first second of 2015, Discord's epoch, in Unix milliseconds.</summary>
    public const long DiscordEpochMilliseconds = 1420070400000;

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMilliseconds);

    public static Snowflake Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a Discord snowflake (a 64-bit unsigned number).");

    public static bool TryParse(string? text, out Snowflake value)
    {
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = new Snowflake(number);
            return true;
        }

        value = default;
        return false;
    }

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);

    public static bool operator <(Snowflake left, Snowflake right) => left.CompareTo(right) < 0;

    public static bool operator >(Snowflake left, Snowflake right) => left.CompareTo(right) > 0;

    public static bool operator <=(Snowflake left, Snowflake right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Snowflake left, Snowflake right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads a snowflake from a JSON string (or number) and writes it as a string, also as a dictionary key.</summary>
public sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            return new Snowflake(number);
        }

        if (reader.TokenType == JsonTokenType.String && Snowflake.TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException("A snowflake must be a string holding a 64-bit unsigned number.");
    }

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public override Snowflake ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Snowflake.TryParse(reader.GetString(), out var value) ? value : throw new JsonException("A snowflake key must hold a 64-bit unsigned number.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());
}
