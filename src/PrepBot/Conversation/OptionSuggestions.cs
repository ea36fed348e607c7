namespace PrepBot.Conversation;

/// <summary>Where suggestions for one option of one command come from; a feature registers it with its command.</summary>
/// <param name="CommandPath">e.g. <c>"quiz"</c> or <c>"card show"</c>.</param>
/// <param name="Option">The option's name.</param>
/// <param name="Candidates">Every value that may be offered to this person (the list is filtered by what was typed).</param>
public sealed record OptionSource(string CommandPath, string Option, Func<LearnerIdentity, IEnumerable<string>> Candidates);

/// <summary>
/// Values to offer while someone types an option (Discord's autocomplete), from the <see cref="OptionSource"/>s the
/// features registered (topic ids for <c>/quiz topic:</c>, card ids for <c>/card show id:</c> to admins, …). Ids that start with what was typed come first, then ids that
/// contain it; at most <see cref="MaxSuggestions"/>.
/// </summary>
public sealed class OptionSuggestions(IEnumerable<OptionSource> sources)
{
    /// <summary>Discord shows at most 25.</summary>
    public const int MaxSuggestions = 25;

    /// <summary>Any command's option with this name is an IANA time zone id and gets time zone suggestions.</summary>
    public const string TimeZoneOption = "timezone";

    private static readonly Lazy<string[]> TimeZoneIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    private readonly Dictionary<(string CommandPath, string Option), OptionSource> _sources =
        sources.ToDictionary(s => (s.CommandPath, s.Option));

    public IReadOnlyList<CommandChoice> Suggest(LearnerIdentity who, string commandPath, string option, string typed)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (option == TimeZoneOption)
        {
            return SuggestTimeZones(typed);
        }

        var candidates = _sources.TryGetValue((commandPath, option), out var source) ? source.Candidates(who) : [];
        var text = (typed ?? string.Empty).Trim().ToLowerInvariant();
        return [.. candidates
            .Where(id => id.Contains(text, StringComparison.Ordinal))
            .OrderBy(id => id.StartsWith(text, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(id => id, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(id => new CommandChoice(id, id))];
    }

    /// <summary>IANA zone ids (Europe/Berlin, America/New_York, …) containing what was typed, in any case; spaces match underscores.</summary>
    public static IReadOnlyList<CommandChoice> SuggestTimeZones(string? typed)
    {
        var text = (typed ?? string.Empty).Trim().Replace(' ', '_');
        return [.. TimeZoneIds.Value
            .Where(id => id.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(id => id.StartsWith(text, StringComparison.OrdinalIgnoreCase) || id.Contains("/" + text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(id => id, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(id => new CommandChoice(id, id))];
    }
}
