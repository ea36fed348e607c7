using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class FsrsParametersTests
{
    [Fact]
    public void Defaults_are_the_published_fsrs_6_weights_with_ninety_percent_retention()
    {
        var defaults = FsrsParameters.Default;

        Assert.Equal(21, defaults.Weights.Count);
        Assert.Equal(0.212, defaults.Weights[0]);
        Assert.Equal(0.1542, defaults.Decay);
        Assert.Equal(FsrsVectors.Load.ParameterSets["default90"].W, defaults.Weights);
        Assert.Equal(0.9, defaults.DesiredRetention);
        Assert.Equal(36500, defaults.MaximumInterval);
        Assert.True(defaults.EnableFuzz);
    }

    [Fact]
    public void Every_default_weight_lies_within_its_bounds()
    {
        Assert.All(
            FsrsParameters.DefaultWeights.Zip(FsrsParameters.WeightBounds),
            pair => Assert.InRange(pair.First, pair.Second.Min, pair.Second.Max));
    }

    [Fact]
    public void A_weight_out_of_range_is_refused_naming_the_weight_its_range_and_the_value()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        weights[7] = 0.9;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FsrsParameters(weights));

        Assert.Equal("weights", error.ParamName);
        Assert.Contains("FSRS weight w7 must be between 0.001 and 0.75; got 0.9.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_that_is_not_a_number_is_refused_naming_the_weight()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        weights[20] = double.NaN;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FsrsParameters(weights));

        Assert.Contains("FSRS weight w20 must be a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wrong_number_of_weights_is_refused_saying_how_many_are_needed()
    {
        var error = Assert.Throws<ArgumentException>(() => new FsrsParameters(FsrsParameters.DefaultWeights.Take(19).ToArray()));

        Assert.Contains("FSRS-6 needs 21 weights (w0..w20); got 19.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.69)]
    [InlineData(0.98)]
    [InlineData(double.NaN)]
    public void A_desired_retention_outside_seventy_to_ninety_seven_percent_is_refused_naming_it(double retention)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FsrsParameters.Default.WithDesiredRetention(retention));

        Assert.Equal("desiredRetention", error.ParamName);
        Assert.Contains("Desired retention must be between 0.7 and 0.97", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.97)]
    public void The_ends_of_the_retention_range_are_accepted(double retention)
    {
        Assert.Equal(retention, FsrsParameters.Default.WithDesiredRetention(retention).DesiredRetention);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(36501)]
    public void A_maximum_interval_outside_one_day_to_a_hundred_years_is_refused_naming_it(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FsrsParameters(FsrsParameters.DefaultWeights, maximumInterval: days));

        Assert.Equal("maximumInterval", error.ParamName);
        Assert.Contains($"Maximum interval must be between 1 and 36500 days; got {days}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clamping_moves_each_weight_into_its_bounds()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        weights[4] = 0.5;
        weights[16] = 9;

        var clamped = FsrsParameters.ClampWeights(weights);

        Assert.Equal(1, clamped[4]);
        Assert.Equal(6, clamped[16]);
        Assert.Equal(FsrsParameters.DefaultWeights[0], clamped[0]);
        _ = new FsrsParameters(clamped);
    }

    [Fact]
    public void Parameters_do_not_change_when_the_array_they_came_from_does()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        var parameters = new FsrsParameters(weights);

        weights[0] = 50;

        Assert.Equal(0.212, parameters.Weights[0]);
    }
}
