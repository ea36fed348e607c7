using PrepBot.Learning;

namespace PrepBot.Tests.Learning;

public sealed class Sm2Tests
{
    private static List<Sm2State> Run(params int[] grades)
    {
        var states = new List<Sm2State>();
        var state = Sm2State.New;
        foreach (var grade in grades)
        {
            state = Sm2.Next(state, grade);
            states.Add(state);
        }

        return states;
    }

    [Fact]
    public void Grade_4_every_time_keeps_EF_and_gives_intervals_1_6_15_38_95()
    {
        var states = Run(4, 4, 4, 4, 4);

        Assert.Equal([1, 6, 15, 38, 95], states.Select(s => s.IntervalDays));
        Assert.All(states, s => Assert.Equal(2.5, s.EasinessFactor));
    }

    [Fact]
    public void Grade_5_every_time_raises_EF_a_tenth_and_uses_the_updated_EF_for_the_interval()
    {
        var states = Run(5, 5, 5, 5);

        Assert.Equal([2.6, 2.7, 2.8, 2.9], states.Select(s => s.EasinessFactor));
        Assert.Equal([1, 6, 17, 50], states.Select(s => s.IntervalDays)); // 6 × 2.8 = 16.8 → 17; 17 × 2.9 = 49.3 → 50
    }

    [Fact]
    public void Grade_3_every_time_lowers_EF_by_0_14_and_rounds_intervals_up()
    {
        var states = Run(3, 3, 3, 3);

        Assert.Equal([2.36, 2.22, 2.08, 1.94], states.Select(s => s.EasinessFactor));
        Assert.Equal([1, 6, 13, 26], states.Select(s => s.IntervalDays)); // 6 × 2.08 = 12.48 → 13; 13 × 1.94 = 25.22 → 26
    }

    [Theory]
    [InlineData(5, 2.6)]
    [InlineData(4, 2.5)]
    [InlineData(3, 2.36)]
    [InlineData(2, 2.18)]
    [InlineData(1, 1.96)]
    [InlineData(0, 1.7)]
    public void Easiness_formula_matches_the_published_one_for_every_grade(int quality, double expected) =>
        Assert.Equal(expected, Sm2.UpdatedEasiness(2.5, quality));

    [Fact]
    public void Easiness_never_drops_below_1_3()
    {
        var state = new Sm2State(1.4, 10, 5);

        var next = Sm2.Next(state, 3);

        Assert.Equal(1.3, next.EasinessFactor);
    }

    [Fact]
    public void Failed_grade_restarts_repetitions_at_one_day_and_leaves_EF_unchanged()
    {
        var state = new Sm2State(2.2, 40, 6);

        var next = Sm2.Next(state, 1);

        Assert.Equal(new Sm2State(2.2, 1, 0), next);
    }

    [Fact]
    public void After_a_lapse_intervals_start_again_from_I1_and_I2()
    {
        var states = Run(4, 4, 4, 0, 4, 4, 4);

        Assert.Equal([1, 6, 15, 1, 1, 6, 15], states.Select(s => s.IntervalDays));
    }

    [Fact]
    public void Interval_product_that_is_whole_in_decimal_is_not_rounded_up_by_binary_noise()
    {
        var state = new Sm2State(2.3, 10, 2); // 10 × 2.3 = 22.999999999999996 in binary

        var next = Sm2.Next(state, 4);

        Assert.Equal(23, next.IntervalDays);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Grades_outside_0_to_5_are_refused(int quality) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sm2.Next(Sm2State.New, quality));

    [Theory]
    [InlineData(ReviewGrade.Again, 1)]
    [InlineData(ReviewGrade.Hard, 3)]
    [InlineData(ReviewGrade.Good, 4)]
    [InlineData(ReviewGrade.Easy, 5)]
    public void Buttons_map_to_documented_grades(ReviewGrade grade, int quality) =>
        Assert.Equal(quality, grade.ToQuality());
}
