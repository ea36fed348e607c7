using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Cards;
using PrepBot.Features.Quiz;
using PrepBot.Features.Star;

namespace PrepBot.Features.Autocomplete;

/// <summary>
/// Values to offer while someone types an option (Discord's autocomplete): topic ids for <c>/quiz topic:</c>, card
/// ids for <c>/card show id:</c> (admins only). Ids that start with what was typed come first, then ids that
/// contain it; at most <see cref="MaxSuggestions"/>.
/// </summary>
public sealed class OptionSuggestions(CardCatalog catalog)
{
    /// <summary>Discord shows at most 25.</summary>
    public const int MaxSuggestions = 25;

    /// <summary>Any command's option with this name is an IANA time zone id and gets time zone suggestions.</summary>
    public const string TimeZoneOption = "timezone";

    private static readonly Lazy<string[]> TimeZoneIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    public IReadOnlyList<CommandChoice> Suggest(LearnerIdentity who, string commandPath, string option, string typed)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (option == TimeZoneOption)
        {
            return SuggestTimeZones(typed);
        }

        IEnumerable<string> candidates = (commandPath, option) switch
        {
            ("quiz", QuizHandler.TopicOption) => catalog.TopicIds,
            ("card show", CardShowHandler.IdOption) when who.CanManageServer => catalog.Cards.Select(c => c.Id),
            ("star", StarHandler.CompetencyOption) => StarPrompts.CompetenciesIn(catalog),
            _ => [],
        };
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
