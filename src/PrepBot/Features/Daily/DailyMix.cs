using PrepBot.Content;

namespace PrepBot.Features.Daily;

/// <summary>
/// Which kind of card a server's daily question is on each weekday, or none (<c>off</c>). Stored Monday first as
/// <c>sql,concept,design,sql,behavioral,concept,sql</c>; the default follows a week of interview practice: SQL twice
/// plus Sunday, a concept question Tuesday and Saturday, system design mid-week, a behavioural story on Friday.
/// </summary>
public sealed class DailyMix
{
    public const string Off = "off";

    /// <summary>The option names of <c>/setup mix</c>, Monday first.</summary>
    public static IReadOnlyList<string> DayNames { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The values an admin may give a day.</summary>
    public static IReadOnlyList<string> Values { get; } = ["sql", "concept", "design", "behavioral", Off];

    public static DailyMix Default { get; } = new([CardKind.Sql, CardKind.Concept, CardKind.Design, CardKind.Sql, CardKind.Behavioral, CardKind.Concept, CardKind.Sql]);

    private readonly CardKind?[] _days;

    private DailyMix(CardKind?[] days) => _days = days;

    /// <summary>The kind asked on <paramref name="day"/>; null when the day is off.</summary>
    public CardKind? On(DayOfWeek day) => _days[Index(day)];

    /// <summary>The mix with <paramref name="dayName"/> (<c>mon</c>…<c>sun</c>) set to <paramref name="value"/> (a kind or <c>off</c>).</summary>
    public DailyMix With(string dayName, string value)
    {
        var index = IndexOfName(dayName);
        var days = (CardKind?[])_days.Clone();
        days[index] = value == Off ? null : ParseValue(value) ?? throw new ArgumentException($"'{value}' is not one of {string.Join(", ", Values)}.", nameof(value));
        return new DailyMix(days);
    }

    /// <summary>For the database.</summary>
    public string Format() => string.Join(',', _days.Select(Name));

    /// <summary>For people: <c>Mon SQL · Tue concept · … · Sun off</c>.</summary>
    public string Describe() =>
        string.Join(" · ", _days.Select((kind, i) => $"{char.ToUpperInvariant(DayNames[i][0])}{DayNames[i][1..]} {(kind is null ? "off" : Label(kind.Value))}"));

    /// <summary>The stored form; a damaged value falls back to <see cref="Default"/> day by day.</summary>
    public static DailyMix Parse(string? stored)
    {
        var parts = (stored ?? string.Empty).Split(',');
        var days = new CardKind?[7];
        for (var i = 0; i < 7; i++)
        {
            var value = i < parts.Length ? parts[i].Trim() : string.Empty;
            days[i] = value == Off ? null : ParseValue(value) ?? Default._days[i];
        }

        return new DailyMix(days);
    }

    public static string Label(CardKind kind) => kind switch
    {
        CardKind.Sql => "SQL",
        CardKind.Behavioral => "behavioral",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static CardKind? ParseValue(string value) => value switch
    {
        "sql" => CardKind.Sql,
        "concept" => CardKind.Concept,
        "design" => CardKind.Design,
        "behavioral" or "behavioural" => CardKind.Behavioral,
        _ => null,
    };

    private static string Name(CardKind? kind) => kind is null ? Off : kind.Value.ToString().ToLowerInvariant();

    private static int Index(DayOfWeek day) => ((int)day + 6) % 7;

    private static int IndexOfName(string dayName)
    {
        for (var i = 0; i < DayNames.Count; i++)
        {
            if (string.Equals(DayNames[i], dayName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{dayName}' is not a day ({string.Join(", ", DayNames)}).", nameof(dayName));
    }
}
