using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

/// <summary>The repository's own deck (<c>content/</c>) against the plan it ships with.</summary>
public sealed class BundledDeckTests
{
    private static readonly string PlanPath = Path.Combine(RepositoryFolders.Content, StudyPlan.FileName);

    private static StudyPlan Plan()
    {
        var result = PlanParser.Parse("content/plan.md", File.ReadAllText(PlanPath));
        Assert.True(result.Plan is not null, string.Join('\n', result.Problems));
        return result.Plan;
    }

    private static ContentCheckReport Check() => new ContentChecker(new CardParser()).Check(RepositoryFolders.Content, RepositoryFolders.Root);

    [Fact]
    public void Repository_plan_parses_with_sixteen_weeks_each_with_goals_learn_and_build()
    {
        var plan = Plan();

        Assert.Equal(Enumerable.Range(1, 16), plan.Weeks.Select(week => week.Number));
        Assert.All(plan.Weeks, week =>
        {
            Assert.NotEmpty(week.Theme);
            Assert.NotEmpty(week.Goals);
            Assert.NotEmpty(week.Learn);
            Assert.NotEmpty(week.Build);
            Assert.All(week.Topics, topic => Assert.NotEmpty(topic.Description));
        });
    }

    [Fact]
    public void Repository_plan_lists_exactly_the_curriculums_topic_ids_for_each_week()
    {
        var plan = Plan();

        Assert.All(PlanTopics.ByWeek, pair =>
            Assert.Equal(pair.Value.Order(StringComparer.Ordinal), plan.Week(pair.Key)!.Topics.Select(topic => topic.Id).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_topic_a_repository_card_uses_is_a_topic_of_the_plan_in_the_cards_week()
    {
        var plan = Plan();
        var report = Check();

        Assert.Empty(report.Problems);
        Assert.All(report.Cards, card =>
        {
            Assert.True(plan.Defines(card.Topic), $"{card.SourcePath}: topic '{card.Topic}' is not in the plan");
            Assert.Contains(card.Week, plan.WeeksOf(card.Topic));
        });
    }

    [Fact]
    public void Every_week_of_the_repository_deck_has_cards_of_at_least_two_kinds()
    {
        var cards = Check().Cards.Where(card => !card.Retired).ToList();

        var thin = Enumerable.Range(1, 16)
            .Select(week => (Week: week, Kinds: cards.Where(card => card.Week == week).Select(card => card.Kind).Distinct().ToList()))
            .Where(week => week.Kinds.Count < 2)
            .Select(week => $"week {week.Week}: {(week.Kinds.Count == 0 ? "no cards" : "only " + CardFormat.KindName(week.Kinds[0]))}")
            .ToList();

        Assert.True(thin.Count == 0, "Weeks with fewer than two kinds of card: " + string.Join("; ", thin));
    }
}
