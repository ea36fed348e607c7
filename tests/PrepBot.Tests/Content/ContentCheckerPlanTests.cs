using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

/// <summary><c>content check</c> with a plan.md: the plan's own problems, and cards checked against its topics.</summary>
public sealed class ContentCheckerPlanTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly ContentChecker _checker = new(new CardParser());

    public void Dispose() => _folder.Dispose();

    private ContentCheckReport Check() => _checker.Check(_folder.ContentDirectory, _folder.RootDirectory);

    [Fact]
    public void Card_topic_the_plan_does_not_define_is_reported_on_the_topic_line_with_a_suggestion()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _folder.Write("concept/a.md", PlanCards.Reveal("concept-a", "window-function", 1));

        var report = Check();

        Assert.Equal(
            "content/concept/a.md:4: topic 'window-function' is not a topic of the plan (plan.md) (did you mean 'window-functions'?)",
            Assert.Single(report.Problems).ToString());
        Assert.Empty(report.Cards);
    }

    [Fact]
    public void Card_in_a_week_that_does_not_list_its_topic_is_reported_on_the_week_line()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _folder.Write("concept/a.md", PlanCards.Reveal("concept-a", "airflow", 4));

        var report = Check();

        Assert.Equal(
            "content/concept/a.md:5: week 4 of the plan does not list topic 'airflow': move the card to one of weeks 3, 5 or pick a topic of week 4",
            Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void Behavioral_cards_may_sit_in_any_week_and_topics_of_several_weeks_in_each()
    {
        _folder.Write("plan.md", SamplePlan.Text);
        _folder.Write("concept/a.md", PlanCards.Reveal("concept-a", "behavioral", 2));
        _folder.Write("concept/b.md", PlanCards.Reveal("concept-b", "airflow", 5));
        _folder.Write("concept/c.md", PlanCards.Reveal("concept-c", "system-design", 14));

        var report = Check();

        Assert.Empty(report.Problems);
        Assert.Equal(3, report.Cards.Count);
    }

    [Fact]
    public void Plan_problems_are_reported_as_path_line_message_with_the_card_problems()
    {
        var plan = SamplePlan.Text.Replace("- `kafka` — about kafka\n", "- `kafka` — about kafka\n- `kafka` — twice\n", StringComparison.Ordinal);
        _folder.Write("plan.md", plan);
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 99));

        var report = Check();

        var first = SamplePlan.LineOf(plan, "- `kafka` — about kafka");
        Assert.Equal(
            [
                "content/concept/a.md:5: week must be a whole number from 1 to 16 (got '99')",
                $"content/plan.md:{first + 1}: topic 'kafka' is listed twice in week 7 (first on line {first})",
            ],
            report.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Without_a_plan_card_topics_are_not_checked()
    {
        _folder.Write("concept/a.md", PlanCards.Reveal("concept-a", "anything-goes", 4));

        var report = Check();

        Assert.Empty(report.Problems);
    }
}
