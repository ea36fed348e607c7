using PrepBot.Learning.Fsrs;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning.Fsrs;

/// <summary>
/// The shipped review log, review-log.csv: 3,273 reviews of 400 cards over 300 days by a simulated learner whose memory
/// follows FSRS-6 with <see cref="Learner"/> weights, scheduled by SM-2 (<see cref="FsrsReviewSimulator"/>, seed 2026).
/// </summary>
public sealed class SrsEvaluatorTests
{
    private static readonly double[] Learner =
        [0.3, 1.5, 3.5, 10.0, 7.0, 0.7, 2.0, 0.01, 1.4, 0.15, 1.2, 1.7, 0.08, 0.3, 1.8, 0.5, 2.0, 0.5, 0.1, 0.08, 0.5];

    private static readonly string ShippedLog = Path.Combine(RepositoryFolders.Root, "tests", "PrepBot.Tests", "Learning", "Fsrs", "review-log.csv");

    private static readonly Lazy<SrsEvaluationReport> Report = new(() => SrsEvaluator.Evaluate(ReadShippedLog()));

    private static IReadOnlyList<SrsCardHistory> ReadShippedLog()
    {
        using var reader = new StreamReader(ShippedLog);
        return AnkiRevlogCsv.Read(reader);
    }

    [Fact]
    public void The_shipped_log_is_what_the_simulator_makes_with_its_seed()
    {
        using var writer = new StringWriter();

        AnkiRevlogCsv.Write(writer, FsrsReviewSimulator.Simulate(Learner, cards: 400, days: 300, seed: 2026));

        Assert.Equal(File.ReadAllText(ShippedLog), writer.ToString());
    }

    [Fact]
    public void On_the_shipped_log_fsrs_with_defaults_beats_sm2_on_every_metric()
    {
        var report = Report.Value;

        Assert.True(report.FsrsDefault.LogLoss < report.Sm2.LogLoss, $"{report.FsrsDefault} against {report.Sm2}");
        Assert.True(report.FsrsDefault.RmseBins < report.Sm2.RmseBins, $"{report.FsrsDefault} against {report.Sm2}");
        Assert.True(report.FsrsDefault.Auc > report.Sm2.Auc, $"{report.FsrsDefault} against {report.Sm2}");
    }

    [Fact]
    public void On_the_shipped_log_the_figures_are_stable()
    {
        var report = Report.Value;

        Assert.Equal((3273, 2618, 655, 618), (report.Split.TrainingReviews + report.Split.HeldOutReviews, report.Split.TrainingReviews, report.Split.HeldOutReviews, report.Sm2.Count));
        Assert.Equal((0.294157, 0.080538, 0.550014), Rounded(report.Sm2));
        Assert.Equal((0.275972, 0.075613, 0.680858), Rounded(report.FsrsDefault));
        Assert.Equal((0.274762, 0.070565, 0.684391), Rounded(report.FsrsFitted!));
    }

    [Fact]
    public void Every_model_is_scored_on_the_same_held_out_reviews()
    {
        var report = Report.Value;

        Assert.Equal(report.Sm2.Count, report.FsrsDefault.Count);
        Assert.Equal(report.Sm2.Count, report.FsrsFitted!.Count);
        Assert.NotNull(report.FittedWeights);
    }

    [Fact]
    public void A_log_too_short_to_fit_is_evaluated_without_the_fitted_model()
    {
        var log = FsrsReviewSimulator.Simulate(Learner, cards: 30, days: 120, seed: 5);

        var report = SrsEvaluator.Evaluate(log);

        Assert.Null(report.FsrsFitted);
        Assert.Null(report.FittedWeights);
        Assert.True(report.FsrsDefault.Count > 0);
    }

    private static (double, double, double) Rounded(SrsMetrics metrics) =>
        (Math.Round(metrics.LogLoss, 6), Math.Round(metrics.RmseBins, 6), Math.Round(metrics.Auc, 6));
}
