using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Cards;
using PrepBot.Features.Quiz;

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

    public IReadOnlyList<CommandChoice> Suggest(LearnerIdentity who, string commandPath, string option, string typed)
    {
        ArgumentNullException.ThrowIfNull(who);
        IEnumerable<string> candidates = (commandPath, option) switch
        {
            ("quiz", QuizHandler.TopicOption) => catalog.TopicIds,
            ("card show", CardShowHandler.IdOption) when who.CanManageServer => catalog.Cards.Select(c => c.Id),
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
}
