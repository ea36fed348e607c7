using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class SrsMetricsTests
{
    private static SrsPrediction At(double p, bool recalled, int elapsedDays = 1, int reviewNumber = 2, int lapses = 0) =>
        new(p, recalled, elapsedDays, reviewNumber, lapses);

    [Fact]
    public void Log_loss_is_the_mean_cross_entropy()
    {
        // −(ln 0.8 + ln(1 − 0.4)) / 2
        var loss = SrsMetrics.LogLossOf([At(0.8, true), At(0.4, false)]);

        Assert.Equal((0.2231435513 + 0.5108256238) / 2, loss, 1e-9);
    }

    [Fact]
    public void Log_loss_of_a_certain_wrong_prediction_is_large_but_finite()
    {
        var loss = SrsMetrics.LogLossOf([At(1, false)]);

        // −ln ε ≈ 34.5 (1 − ε is not exact in binary, so not to the last digit).
        Assert.Equal(-Math.Log(SrsMetrics.Epsilon), loss, 1e-2);
    }

    [Fact]
    public void Auc_counts_a_tie_between_a_recalled_and_a_forgotten_review_as_one_half()
    {
        // Pairs (recalled, forgotten): (0.9, 0.7) 1, (0.9, 0.2) 1, (0.7, 0.7) ½, (0.7, 0.2) 1 → 3.5 / 4.
        var auc = SrsMetrics.AucOf([At(0.9, true), At(0.7, false), At(0.7, true), At(0.2, false)]);

        Assert.Equal(0.875, auc, 1e-12);
    }

    [Fact]
    public void Auc_is_one_for_perfect_ranking_zero_for_reversed_and_undefined_for_one_outcome()
    {
        Assert.Equal(1, SrsMetrics.AucOf([At(0.9, true), At(0.3, false), At(0.8, true)]));
        Assert.Equal(0, SrsMetrics.AucOf([At(0.1, true), At(0.3, false)]));
        Assert.True(double.IsNaN(SrsMetrics.AucOf([At(0.1, true), At(0.3, true)])));
    }

    [Fact]
    public void Rmse_bins_compares_mean_outcome_and_mean_prediction_per_bin_weighted_by_count()
    {
        // Bin A (1 day, review 2): mean outcome 0.5, mean prediction 0.8 → gap 0.3, two predictions.
        // Bin B (10 days, review 2): outcome 1, prediction 0.6 → gap 0.4, one prediction.
        var rmse = SrsMetrics.RmseBinsOf([At(0.9, true, 1), At(0.7, false, 1), At(0.6, true, 10)]);

        Assert.Equal(Math.Sqrt(((2 * 0.09) + 0.16) / 3), rmse, 1e-12);
    }

    [Theory]
    [InlineData(1, 3, true)] // 3.62^0 ≤ t < 3.62^1
    [InlineData(3, 4, false)]
    [InlineData(0, 1, false)]
    public void Rmse_bins_groups_elapsed_days_by_powers_of_3_62(int first, int second, bool sameBin)
    {
        var a = SrsMetrics.Bins(At(0.5, true, elapsedDays: first));
        var b = SrsMetrics.Bins(At(0.5, true, elapsedDays: second));

        Assert.Equal(sameBin, a == b);
    }

    [Theory]
    [InlineData(2, 3, true)] // 1.89^1 ≤ i < 1.89^2
    [InlineData(3, 4, false)]
    public void Rmse_bins_groups_review_numbers_by_powers_of_1_89(int first, int second, bool sameBin)
    {
        Assert.Equal(sameBin, SrsMetrics.Bins(At(0.5, true, reviewNumber: first)) == SrsMetrics.Bins(At(0.5, true, reviewNumber: second)));
    }

    [Theory]
    [InlineData(0, 1, false)] // no lapses is a bin of its own
    [InlineData(1, 2, false)] // 1.73^0 ≤ 1 < 1.73 ≤ 2
    [InlineData(2, 2, true)]
    public void Rmse_bins_groups_lapses_by_powers_of_1_73(int first, int second, bool sameBin)
    {
        Assert.Equal(sameBin, SrsMetrics.Bins(At(0.5, true, lapses: first)) == SrsMetrics.Bins(At(0.5, true, lapses: second)));
    }

    [Fact]
    public void Metrics_of_no_predictions_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SrsMetrics.Of([]));

        Assert.Contains("no predictions", error.Message, StringComparison.Ordinal);
    }
}
