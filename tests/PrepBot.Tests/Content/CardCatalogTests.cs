using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Content;

namespace PrepBot.Tests.Content;

public sealed class CardCatalogTests : IDisposable
{
    private readonly TempContentFolder folder = new();
    private readonly TestLogger<CardCatalog> logger = new();
    private readonly CardCatalog catalog;

    public CardCatalogTests() =>
        catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = folder.ContentDirectory }), logger);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_all_serves_the_valid_cards_ordered_by_week_then_id()
    {
        folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b", week: 2));
        folder.Write("concept/c.md", SampleCards.ConceptCard("concept-c", week: 1));
        folder.Write("sql/top.md", SampleCards.Sql);
        folder.Write("concept/README.md", "# Not a card\n");

        catalog.LoadAll();

        Assert.Equal(["concept-c", "concept-b", "sql-top-customers"], catalog.Cards.Select(c => c.Id));
        Assert.Equal("sql/top.md", catalog.Find("sql-top-customers")?.SourcePath);
    }

    [Fact]
    public void Broken_edit_keeps_serving_the_last_good_version()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        catalog.LoadAll();
        var good = catalog.Find("concept-a");

        var path = folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a").Replace("week: 1", "week: 99", StringComparison.Ordinal));
        catalog.Reload([path]);

        Assert.Same(good, catalog.Find("concept-a"));
        Assert.Equal("concept/a.md:5: week must be a whole number from 1 to 16 (got '99')", Assert.Single(catalog.Problems).ToString());
    }

    [Fact]
    public void Broken_edit_logs_an_error_for_each_problem()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        catalog.LoadAll();

        var path = folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a").Replace("week: 1", "week: 99", StringComparison.Ordinal));
        catalog.Reload([path]);

        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(
            "Card file concept/a.md is broken; keeping its last good version. Line 5: week must be a whole number from 1 to 16 (got '99')",
            error.Message);
    }

    [Fact]
    public void Fixing_a_broken_file_serves_the_fixed_card()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 1));
        catalog.LoadAll();
        catalog.Reload([folder.Write("concept/a.md", "---\nbroken\n")]);

        catalog.Reload([folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 4))]);

        Assert.Equal(4, catalog.Find("concept-a")?.Week);
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void Deleted_file_removes_its_card()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b"));
        catalog.LoadAll();

        catalog.Reload([folder.Delete("concept/a.md")]);

        Assert.Null(catalog.Find("concept-a"));
        Assert.Equal(["concept-b"], catalog.Cards.Select(c => c.Id));
    }

    [Fact]
    public void Broken_new_file_is_skipped_while_the_other_cards_load()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        folder.Write("concept/broken.md", SampleCards.ConceptCard("concept-broken").Replace("## Question", "## Qestion", StringComparison.Ordinal));
        folder.Write("sql/top.md", SampleCards.Sql);

        catalog.LoadAll();

        Assert.Equal(["concept-a", "sql-top-customers"], catalog.Cards.Select(c => c.Id));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Card file concept/broken.md is broken and was not loaded. Line 9:", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_id_keeps_the_card_of_the_first_file_by_path()
    {
        folder.Write("concept/b.md", SampleCards.ConceptCard("concept-same", week: 2));
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-same", week: 1));

        catalog.LoadAll();

        Assert.Equal("concept/a.md", catalog.Find("concept-same")?.SourcePath);
        Assert.Contains(logger.Entries, e => e.Message == "Card file concept/b.md uses id concept-same, already used by concept/a.md; it is not served");
    }

    [Fact]
    public void Reload_tells_which_ids_were_added_changed_and_removed()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b"));
        catalog.LoadAll();
        CardCatalogReloadedEventArgs? change = null;
        catalog.Reloaded += (_, e) => change = e;

        catalog.Reload(
        [
            folder.Delete("concept/a.md"),
            folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b", week: 5)),
            folder.Write("concept/c.md", SampleCards.ConceptCard("concept-c")),
        ]);

        Assert.NotNull(change);
        Assert.Equal(["concept-c"], change.Added);
        Assert.Equal(["concept-b"], change.Changed);
        Assert.Equal(["concept-a"], change.Removed);
        Assert.Equal(catalog.Version, change.Version);
    }

    [Fact]
    public void Reload_of_a_renamed_folder_moves_its_cards()
    {
        folder.Write("concept/old/a.md", SampleCards.ConceptCard("concept-a"));
        catalog.LoadAll();

        Directory.Move(folder.FullPath("concept/old"), folder.FullPath("concept/new"));
        catalog.Reload([folder.FullPath("concept/old"), folder.FullPath("concept/new")]);

        Assert.Equal("concept/new/a.md", catalog.Find("concept-a")?.SourcePath);
    }

    [Fact]
    public void Reading_before_any_load_loads_the_catalog()
    {
        folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));

        var card = catalog.Find("concept-a");

        Assert.NotNull(card);
        Assert.Equal(1, catalog.Version);
    }
}
