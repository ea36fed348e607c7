using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Conversation;

public sealed class OptionSuggestionsTests : IDisposable
{
    private static readonly LearnerIdentity Member = new("discord", "1", "Ada", "Etc/UTC");
    private static readonly LearnerIdentity Admin = Member with { CanManageServer = true };

    private readonly TempContentFolder _content = new();
    private readonly OptionSuggestions _suggestions;

    public OptionSuggestionsTests()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice.Replace("topic: data-landscape", "topic: warehousing-basics", StringComparison.Ordinal));
        var catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = _content.ContentDirectory }), NullLogger<CardCatalog>.Instance);
        catalog.LoadAll();
        _suggestions = RegisteredCommands.Suggestions(catalog);
    }

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Topics_starting_with_what_was_typed_come_before_topics_containing_it()
    {
        var choices = _suggestions.Suggest(Member, "quiz", "topic", "Ware");

        Assert.Equal(["warehousing-basics"], choices.Select(c => c.Value));
        Assert.Equal(["data-landscape", "warehousing-basics"], _suggestions.Suggest(Member, "quiz", "topic", "a").Select(c => c.Value));
    }

    [Fact]
    public void Card_ids_are_suggested_to_admins_only()
    {
        Assert.Empty(_suggestions.Suggest(Member, "card show", "id", "concept"));
        Assert.Equal(["concept-columnar", "concept-idempotency"], _suggestions.Suggest(Admin, "card show", "id", "concept").Select(c => c.Value));
    }
}
