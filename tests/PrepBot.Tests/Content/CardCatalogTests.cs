using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

public sealed class CardCatalogTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly TestLogger<CardCatalog> _logger = new();
    private readonly CardCatalog _catalog;

    public CardCatalogTests() =>
        _catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = _folder.ContentDirectory }), _logger);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_all_serves_the_valid_cards_ordered_by_week_then_id()
    {
        _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b", week: 2));
        _folder.Write("concept/c.md", SampleCards.ConceptCard("concept-c", week: 1));
        _folder.Write("sql/top.md", SampleCards.Sql);
        _folder.Write("concept/README.md", "# Not a card\n");

        _catalog.LoadAll();

        Assert.Equal(["concept-c", "concept-b", "sql-top-customers"], _catalog.Cards.Select(c => c.Id));
        Assert.Equal("sql/top.md", _catalog.Find("sql-top-customers")?.SourcePath);
    }

    [Fact]
    public void Broken_edit_keeps_serving_the_last_good_version()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        _catalog.LoadAll();
        var good = _catalog.Find("concept-a");

        var path = _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a").Replace("week: 1", "week: 99", StringComparison.Ordinal));
        _catalog.Reload([path]);

        Assert.Same(good, _catalog.Find("concept-a"));
        Assert.Equal("concept/a.md:5: week must be a whole number from 1 to 16 (got '99')", Assert.Single(_catalog.Problems).ToString());
    }

    [Fact]
    public void Broken_edit_logs_an_error_for_each_problem()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        _catalog.LoadAll();

        var path = _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a").Replace("week: 1", "week: 99", StringComparison.Ordinal));
        _catalog.Reload([path]);

        var error = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(
            "Card file concept/a.md is broken; keeping its last good version. Line 5: week must be a whole number from 1 to 16 (got '99')",
            error.Message);
    }

    [Fact]
    public void Fixing_a_broken_file_serves_the_fixed_card()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 1));
        _catalog.LoadAll();
        _catalog.Reload([_folder.Write("concept/a.md", "---\nbroken\n")]);

        _catalog.Reload([_folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 4))]);

        Assert.Equal(4, _catalog.Find("concept-a")?.Week);
        Assert.Empty(_catalog.Problems);
    }

    [Fact]
    public void Deleted_file_removes_its_card()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b"));
        _catalog.LoadAll();

        _catalog.Reload([_folder.Delete("concept/a.md")]);

        Assert.Null(_catalog.Find("concept-a"));
        Assert.Equal(["concept-b"], _catalog.Cards.Select(c => c.Id));
    }

    [Fact]
    public void Broken_new_file_is_skipped_while_the_other_cards_load()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        _folder.Write("concept/broken.md", SampleCards.ConceptCard("concept-broken").Replace("## Question", "## Qestion", StringComparison.Ordinal));
        _folder.Write("sql/top.md", SampleCards.Sql);

        _catalog.LoadAll();

        Assert.Equal(["concept-a", "sql-top-customers"], _catalog.Cards.Select(c => c.Id));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Card file concept/broken.md is broken and was not loaded. Line 9:", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_id_keeps_the_card_of_the_first_file_by_path()
    {
        _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-same", week: 2));
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-same", week: 1));

        _catalog.LoadAll();

        Assert.Equal("concept/a.md", _catalog.Find("concept-same")?.SourcePath);
        Assert.Contains(_logger.Entries, e => e.Message == "Card file concept/b.md uses id concept-same, already used by concept/a.md; it is not served");
    }

    [Fact]
    public void Reload_tells_which_ids_were_added_changed_and_removed()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b"));
        _catalog.LoadAll();
        CardCatalogReloadedEventArgs? change = null;
        _catalog.Reloaded += (_, e) => change = e;

        _catalog.Reload(
        [
            _folder.Delete("concept/a.md"),
            _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b", week: 5)),
            _folder.Write("concept/c.md", SampleCards.ConceptCard("concept-c")),
        ]);

        Assert.NotNull(change);
        Assert.Equal(["concept-c"], change.Added);
        Assert.Equal(["concept-b"], change.Changed);
        Assert.Equal(["concept-a"], change.Removed);
        Assert.Equal(_catalog.Version, change.Version);
    }

    [Fact]
    public void Reload_of_a_renamed_folder_moves_its_cards()
    {
        _folder.Write("concept/old/a.md", SampleCards.ConceptCard("concept-a"));
        _catalog.LoadAll();

        Directory.Move(_folder.FullPath("concept/old"), _folder.FullPath("concept/new"));
        _catalog.Reload([_folder.FullPath("concept/old"), _folder.FullPath("concept/new")]);

        Assert.Equal("concept/new/a.md", _catalog.Find("concept-a")?.SourcePath);
    }

    [Fact]
    public void Reading_before_any_load_loads_the_catalog()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));

        var card = _catalog.Find("concept-a");

        Assert.NotNull(card);
        Assert.Equal(1, _catalog.Version);
    }
}
