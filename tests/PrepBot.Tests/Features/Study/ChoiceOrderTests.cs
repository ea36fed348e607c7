using PrepBot.Content;
using PrepBot.Features.Daily;
using PrepBot.Features.Study;

namespace PrepBot.Tests.Features.Study;

/// <summary>The order multiple-choice options are shown in: a shuffle per learner, card and state version, or per server and day.</summary>
public sealed class ChoiceOrderTests
{
    private static readonly Card FiveOptions = new CardParser().Parse("concept/five.md", """
        ---
        id: concept-five
        kind: concept
        topic: data-landscape
        week: 1
        difficulty: easy
        ---

        ## Question

        Which one?

        ## Choices

        - [x] Option one is right
        - [ ] Option two is wrong
        - [ ] Option three is wrong
        - [ ] Option four is wrong
        - [ ] Option five is wrong
        """).Card!;

    [Fact]
    public void The_same_learner_card_and_version_always_give_the_same_permutation()
    {
        var first = ChoiceOrder.ForLearner(7, "concept-five", 3, 5);
        var again = ChoiceOrder.ForLearner(7, "concept-five", 3, 5);

        Assert.Equal(first, again);
        Assert.Equal([0, 1, 2, 3, 4], first.Order());
    }

    [Fact]
    public void Another_learner_or_another_version_of_the_card_state_gets_another_order()
    {
        var ada = ChoiceOrder.ForLearner(1, "concept-five", 0, 5);

        Assert.NotEqual(ada, ChoiceOrder.ForLearner(2, "concept-five", 0, 5));
        Assert.NotEqual(ada, ChoiceOrder.ForLearner(1, "concept-five", 1, 5));
        Assert.NotEqual(ada, ChoiceOrder.ForLearner(1, "concept-other", 0, 5));
    }

    [Fact]
    public void Over_many_learners_the_right_option_lands_in_every_place_about_equally_often()
    {
        var places = new int[5];
        for (var learner = 1; learner <= 10_000; learner++)
        {
            var order = ChoiceOrder.ForLearner(learner, "concept-five", 0, 5);
            places[order.ToList().IndexOf(0)]++;
        }

        // 2,000 expected in each place; a fair shuffle stays within ±200 (more than 4 standard deviations).
        Assert.All(places, count => Assert.InRange(count, 1_800, 2_200));
    }

    [Fact]
    public void A_daily_post_keeps_one_order_per_server_and_day()
    {
        var day = new DateOnly(2026, 3, 2);
        var order = ChoiceOrder.ForDailyPost("111", day, "concept-five", 5);

        Assert.Equal(order, ChoiceOrder.ForDailyPost("111", day, "concept-five", 5));
        Assert.NotEqual(order, ChoiceOrder.ForDailyPost("222", day, "concept-five", 5));
        Assert.NotEqual(order, ChoiceOrder.ForDailyPost("111", day.AddDays(1), "concept-five", 5));
    }

    [Fact]
    public void The_daily_post_shows_the_servers_order_and_its_menu_carries_each_options_place_in_the_file()
    {
        var day = new DateOnly(2026, 3, 2);
        var order = ChoiceOrder.ForDailyPost("111", day, "concept-five", 5);

        var post = DailyPresenter.Post(FiveOptions, "111", postId: 9, day, week: null, tables: null);

        var expectedLabels = order.Select((index, shown) => $"{(char)('A' + shown)}. {FiveOptions.Choices[index].Markdown}");
        Assert.Equal(expectedLabels, post.Select!.Options.Select(o => o.Label));
        Assert.Equal(order.Select(ChoiceOrder.Value), post.Select.Options.Select(o => o.Value));
        Assert.Equal(post.Select.Options, DailyPresenter.Post(FiveOptions, "111", postId: 9, day, week: null, tables: null).Select!.Options);
    }

    [Theory]
    [InlineData("o0", 0)]
    [InlineData("o4", 4)]
    [InlineData("B", 1)] // a question sent before options were shuffled showed them in file order
    [InlineData("e", 4)]
    public void A_select_value_names_the_option_by_its_place_in_the_file(string value, int expected)
    {
        Assert.True(ChoiceOrder.TryParseValue(value, FiveOptions, out var index));
        Assert.Equal(expected, index);
    }

    [Theory]
    [InlineData("o5")]
    [InlineData("F")]
    [InlineData("o-1")]
    [InlineData("ox")]
    [InlineData("")]
    [InlineData("AB")]
    public void A_value_that_names_no_option_is_refused(string value)
    {
        Assert.False(ChoiceOrder.TryParseValue(value, FiveOptions, out _));
    }
}
