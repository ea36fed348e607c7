using System.Text.RegularExpressions;

namespace PrepBot.Content;

/// <summary>The rules of content/README.md in one place: kinds, front-matter keys, sections.</summary>
internal static partial class CardFormat
{
    public const int MaxIdLength = 64;

    public const int FirstWeek = 1;

    public const int LastWeek = 16;

    public static readonly string[] KindNames = ["sql", "concept", "design", "behavioral"];

    public static readonly IReadOnlyList<string> RequiredKeys = ["id", "kind", "topic", "week", "difficulty"];

    public static readonly IReadOnlyList<string> KnownKeys =
        ["id", "kind", "topic", "week", "difficulty", "tags", "title", "dataset", "retired", "ordered", "column_names", "case_insensitive"];

    /// <summary>True/false front-matter keys that only sql cards may have.</summary>
    public static readonly IReadOnlyList<string> SqlFlagKeys = ["ordered", "column_names", "case_insensitive"];

    /// <summary>Sections of a sql card that hold one or more <c>```sql</c> blocks.</summary>
    public static readonly IReadOnlyList<string> QueryListSections = ["Accepted", "Wrong"];

    public static string KindName(CardKind kind) => KindNames[(int)kind];

    /// <summary>Exact, lowercase match: the kind must also match its folder name.</summary>
    public static bool TryParseKind(string value, out CardKind kind)
    {
        var index = Array.IndexOf(KindNames, value);
        kind = (CardKind)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParseDifficulty(string value, out Difficulty difficulty)
    {
        (var known, difficulty) = value switch
        {
            "easy" => (true, Difficulty.Easy),
            "medium" => (true, Difficulty.Medium),
            "hard" => (true, Difficulty.Hard),
            _ => (false, Difficulty.Easy),
        };
        return known;
    }

    public static SectionRules Sections(CardKind kind) => kind switch
    {
        CardKind.Sql => new(Required: ["Question", "Reference"], Optional: ["Hint", "Explanation", "Accepted", "Wrong"], Lists: []),
        CardKind.Concept => new(Required: ["Question"], Optional: ["Choices", "Answer", "Hint", "Explanation"], Lists: []),
        CardKind.Design => new(
            Required: ["Prompt", "Rubric", "Reference answer", "Follow-ups"],
            Optional: ["Hint"],
            Lists: ["Rubric", "Follow-ups"]),
        CardKind.Behavioral => new(
            Required: ["Prompt", "Competencies", "What good looks like", "Follow-ups"],
            Optional: ["Hint"],
            Lists: ["Competencies", "Follow-ups"]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown card kind."),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    /// <summary>Topics and tags: lowercase words joined by single dashes.</summary>
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex SlugPattern();

    /// <summary>A dataset is a file name under datasets/, so no dots or slashes.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex DatasetPattern();
}

/// <summary>Which <c>##</c> sections a kind has; names are matched case-insensitively.</summary>
internal sealed record SectionRules(IReadOnlyList<string> Required, IReadOnlyList<string> Optional, IReadOnlyList<string> Lists)
{
    public IEnumerable<string> All => Required.Concat(Optional);

    public string? Canonical(string name) =>
        All.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));

    public bool IsList(string canonicalName) => Lists.Contains(canonicalName);
}
