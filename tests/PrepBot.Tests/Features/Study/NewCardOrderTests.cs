using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Features.Study;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>The order of a week's new cards: plan topics, easy before hard, kinds interleaved, a per-learner order within ties.</summary>
public sealed class NewCardOrderTests
{
    private static readonly PlanWeek Week1 = new(
        1, "SQL", null, "", "", "",
        [new PlanTopic("sql-joins", "joins", 1), new PlanTopic("window-functions", "windows", 2), new PlanTopic("behavioral", "stories", 3)],
        1);

    private static Card Card(string id, CardKind kind, string topic, Difficulty difficulty = Difficulty.Easy) => new()
    {
        Id = id,
        Kind = kind,
        Topic = topic,
        Week = 1,
        Difficulty = difficulty,
        SourcePath = $"{kind}/{id}.md",
        Sections = [],
        ContentHash = id,
    };

    // Alphabetically the behavioural card and the window-functions cards would come first.
    private static readonly Card[] Deck =
    [
        Card("a-story", CardKind.Behavioral, "behavioral"),
        Card("b-window-sql", CardKind.Sql, "window-functions"),
        Card("c-window-concept", CardKind.Concept, "window-functions"),
        Card("d-window-hard", CardKind.Sql, "window-functions", Difficulty.Hard),
        Card("x-joins-hard", CardKind.Sql, "sql-joins", Difficulty.Hard),
        Card("y-joins-sql", CardKind.Sql, "sql-joins"),
        Card("y-joins-sql-2", CardKind.Sql, "sql-joins"),
        Card("y-joins-sql-3", CardKind.Sql, "sql-joins"),
        Card("z-joins-concept", CardKind.Concept, "sql-joins"),
    ];

    [Fact]
    public void First_card_is_an_easy_card_of_the_weeks_first_topic_for_every_learner()
    {
        for (var learner = 1L; learner <= 50; learner++)
        {
            var first = NewCardOrder.ForWeek(Deck, Week1, learner)[0];

            Assert.Equal(("sql-joins", Difficulty.Easy), (first.Topic, first.Difficulty));
        }
    }

    [Fact]
    public void A_sql_week_opens_with_sql_even_when_a_concept_card_of_the_first_topic_is_as_easy()
    {
        for (var learner = 1L; learner <= 50; learner++)
        {
            Assert.Equal(CardKind.Sql, NewCardOrder.ForWeek(Deck, Week1, learner)[0].Kind);
        }
    }

    [Fact]
    public void Easy_cards_of_a_topic_come_before_its_hard_ones()
    {
        var order = NewCardOrder.ForWeek(Deck, Week1, learnerId: 7).Select(card => card.Id).ToList();

        Assert.True(order.IndexOf("y-joins-sql") < order.IndexOf("x-joins-hard"));
        Assert.True(order.IndexOf("b-window-sql") < order.IndexOf("d-window-hard"));
        Assert.True(order.IndexOf("x-joins-hard") < order.IndexOf("b-window-sql"), "topics follow the plan's order");
    }

    [Fact]
    public void No_more_than_two_cards_of_one_kind_come_in_a_row_while_another_kind_is_left()
    {
        for (var learner = 1L; learner <= 50; learner++)
        {
            var kinds = NewCardOrder.ForWeek(Deck, Week1, learner).Select(card => card.Kind).ToList();

            for (var i = NewCardOrder.MaxRun; i < kinds.Count; i++)
            {
                var run = kinds.Skip(i - NewCardOrder.MaxRun).Take(NewCardOrder.MaxRun + 1).Distinct().Count() == 1;
                var otherLeft = kinds.Skip(i).Any(kind => kind != kinds[i]);
                Assert.False(run && otherLeft, $"learner {learner}: {string.Join(", ", kinds)}");
            }
        }
    }

    [Fact]
    public void A_run_goes_on_when_only_one_kind_is_left()
    {
        Card[] sqlOnly = [Card("s1", CardKind.Sql, "sql-joins"), Card("s2", CardKind.Sql, "sql-joins"), Card("s3", CardKind.Sql, "sql-joins")];

        Assert.Equal(3, NewCardOrder.ForWeek(sqlOnly, Week1, learnerId: 1).Count);
    }

    [Fact]
    public void The_order_is_fixed_for_a_learner_and_differs_between_learners()
    {
        var ada = NewCardOrder.ForWeek(Deck, Week1, learnerId: 1).Select(card => card.Id).ToList();
        var again = NewCardOrder.ForWeek(Deck.Reverse(), Week1, learnerId: 1).Select(card => card.Id).ToList();
        var others = Enumerable.Range(2, 30).Select(learner => string.Join(',', NewCardOrder.ForWeek(Deck, Week1, learner).Select(card => card.Id)));

        Assert.Equal(ada, again);
        Assert.Contains(others, order => order != string.Join(',', ada));
    }

    [Fact]
    public void Without_a_plan_topics_go_by_id()
    {
        var first = NewCardOrder.ForWeek(Deck, week: null, learnerId: 1)[0];

        Assert.Equal("behavioral", first.Topic);
    }

    [Fact]
    public void The_bundled_decks_sql_week_opens_with_a_sql_card_of_its_first_topic_for_every_learner()
    {
        var catalog = new CardCatalog(new CardParser(), Options.Create(new ContentOptions { Directory = RepositoryFolders.Content }), NullLogger<CardCatalog>.Instance);
        catalog.LoadAll();
        var week = catalog.Plan!.Week(1)!;
        var cards = catalog.Cards.Where(card => card.Week == 1 && !card.Retired).ToList();

        var firsts = Enumerable.Range(1, 100).Select(learner => NewCardOrder.ForWeek(cards, week, learner)[0]).ToList();

        Assert.All(firsts, card => Assert.Equal((CardKind.Sql, week.Topics[0].Id, Difficulty.Easy), (card.Kind, card.Topic, card.Difficulty)));
        Assert.True(firsts.Select(card => card.Id).Distinct().Count() > 1, "learners start on different cards of the first topic");
    }
}
