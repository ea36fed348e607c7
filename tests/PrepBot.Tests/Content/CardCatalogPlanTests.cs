using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

/// <summary>The plan is part of the deck the catalog serves: loaded with the cards and hot-reloaded with them.</summary>
public sealed class CardCatalogPlanTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly TestLogger<CardCatalog> _logger = new();
    private readonly CardCatalog _catalog;

    public CardCatalogPlanTests() =>
        _catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = _folder.ContentDirectory }), _logger);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Plan_is_loaded_with_the_cards()
    {
        _folder.Write("plan.md", SamplePlan.Text);

        _catalog.LoadAll();

        Assert.Equal(16, _catalog.Plan!.Weeks.Count);
        Assert.Empty(_catalog.Problems);
    }

    [Fact]
    public void Edited_plan_is_served_after_a_reload_of_its_path()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _catalog.LoadAll();
        var changes = new List<CardCatalogReloadedEventArgs>();
        _catalog.Reloaded += (_, e) => changes.Add(e);

        var path = _folder.Write("plan.md", SamplePlan.Text.Replace("Theme of week 3", "Orchestration", StringComparison.Ordinal));
        _catalog.Reload([path]);

        Assert.Equal("Orchestration", _catalog.Plan!.Week(3)!.Theme);
        Assert.True(Assert.Single(changes).PlanChanged);
    }

    [Fact]
    public void Broken_plan_keeps_serving_the_last_good_one_and_lists_its_problem()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _catalog.LoadAll();

        var broken = SamplePlan.Text.Replace("## Week 3 — Theme of week 3", "## Week three", StringComparison.Ordinal);
        _catalog.Reload([_folder.Write("plan.md", broken)]);

        Assert.Equal("Theme of week 3", _catalog.Plan!.Week(3)!.Theme);
        Assert.Contains($"plan.md:{SamplePlan.LineOf(broken, "## Week three")}: malformed week heading '## Week three': write '## Week <n> — <theme>' with n from 1 to 16",
            _catalog.Problems.Select(p => p.ToString()));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.EventId.Id == 1107);
    }

    [Fact]
    public void Deleted_plan_is_no_longer_served()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _catalog.LoadAll();

        _catalog.Reload([_folder.Delete("plan.md")]);

        Assert.Null(_catalog.Plan);
    }

    [Fact]
    public void Reloading_a_card_leaves_the_plan_alone()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _catalog.LoadAll();
        var plan = _catalog.Plan;

        _catalog.Reload([_folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"))]);

        Assert.Same(plan, _catalog.Plan);
        Assert.NotNull(_catalog.Find("concept-a"));
    }
}
