using System.Globalization;

namespace PrepBot.Learning.Fsrs;

/// <summary>
/// <c>srs evaluate [--log FILE]</c>: replays a review log — the bot's own (every learner's grades that count) or an Anki revlog
/// CSV — through <see cref="SrsEvaluator"/> and prints how well SM-2, FSRS-6 with defaults and FSRS-6 fitted predicted the
/// most recent part of it: log loss, RMSE (bins) and AUC.
/// </summary>
public sealed class SrsEvaluateCommand(ReviewStatsStore stats)
{
    /// <summary>The report was printed.</summary>
    public const int ExitOk = 0;

    /// <summary>The log could not be read, or holds nothing to evaluate.</summary>
    public const int ExitProblems = 1;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Evaluates every learner's grades in the bot's database (which must exist and be migrated).</summary>
    /// <param name="database">The database read, named in the header.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where "nothing to evaluate" goes.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task<int> RunOnDatabaseAsync(string database, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var grades = await stats.GetGradeHistoriesAsync(cancellationToken).ConfigureAwait(false);
        var histories = HistoriesOf(grades);
        var learners = grades.Select(g => g.LearnerId).Distinct().Count();
        var source = string.Create(C,
            $"the bot's database {database}: {Count(SrsCardHistory.CountReviews(histories), "review")} (undone grades left out) of {Count(histories.Count, "card")} by {Count(learners, "learner")}");
        string[] notes =
        [
            "Each learner's grades of a card are one history, days counted as that learner's study days (from 04:00 in their time zone);",
            "all learners' cards are evaluated together, and FSRS-6 (fitted) is fitted once, on the pooled training part (not per learner).",
        ];
        return Report(source, notes, histories, output, error);
    }

    /// <summary>Evaluates a review log in Anki's revlog CSV layout (see <see cref="AnkiRevlogCsv"/>).</summary>
    public static int RunOnFile(string path, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<SrsCardHistory> histories;
        try
        {
            using var reader = new StreamReader(path);
            histories = AnkiRevlogCsv.Read(reader);
        }
        catch (RevlogFormatException ex)
        {
            error.WriteLine($"srs evaluate: {path}: {ex.Message} Nothing was evaluated.");
            return ExitProblems;
        }

        var source = string.Create(C, $"{path}: {Count(SrsCardHistory.CountReviews(histories), "review")} of {Count(histories.Count, "card")}");
        string[] notes = ["FSRS-6 (fitted) is fitted once, on the training part."];
        return Report(source, notes, histories, output, error);
    }

    /// <summary>
    /// One history per learner and card, elapsed days counted between the learner's study days (<see cref="StudyCalendar"/>;
    /// UTC for a zone this machine does not know), grades mapped to FSRS ratings by <see cref="FsrsRatings.FromSm2Quality"/>.
    /// </summary>
    internal static List<SrsCardHistory> HistoriesOf(IEnumerable<LearnerCardGrades> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var histories = new List<SrsCardHistory>();
        foreach (var card in grades)
        {
            var zone = StudyCalendar.FindZone(card.TimeZoneId) ?? TimeZoneInfo.Utc;
            histories.Add(SrsCardHistory.FromTimes(
                string.Create(C, $"{card.LearnerId}/{card.CardId}"),
                card.Grades.Select(grade => (grade.At, FsrsRatings.FromSm2Quality(grade.Quality))),
                instant => StudyCalendar.StudyDay(instant, zone)));
        }

        return histories;
    }

    private static int Report(string source, IReadOnlyList<string> notes, IReadOnlyList<SrsCardHistory> histories, TextWriter output, TextWriter error)
    {
        if (histories.Count == 0)
        {
            error.WriteLine($"srs evaluate: {source}: no review to evaluate yet.");
            return ExitProblems;
        }

        var options = new FsrsOptimizerOptions();
        SrsEvaluationReport report;
        try
        {
            report = SrsEvaluator.Evaluate(histories, options);
        }
        catch (ArgumentException ex) when (ex.ParamName == "histories")
        {
            // The held-out part holds no review a day or more after the card's previous one: nothing to predict.
            error.WriteLine($"srs evaluate: {source}: the most recent part of the log has no review a day or more after the card's previous one, so nothing to evaluate yet.");
            return ExitProblems;
        }

        var split = report.Split;
        var heldOut = (int)Math.Round(options.HeldOutFraction * 100);
        output.WriteLine($"srs evaluate: {source}.");
        output.WriteLine(string.Create(C,
            $"Split by time: trained on the first {100 - heldOut}% of the log by review time ({Count(split.TrainingReviews, "review")}, before {split.Cutoff.UtcDateTime:yyyy-MM-dd HH:mm} UTC), scored on the last {heldOut}% ({Count(split.HeldOutReviews, "review")}; {report.Sm2.Count:N0} of them a day or more after the card's previous review, which each model predicts)."));
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }

        output.WriteLine("SM-2 is PrepBot's SM-2 replayed over each card's grades as it schedules them (same-day re-drills left out), read as a recall probability R = 0.9^(t/I), as srs-benchmark does.");
        output.WriteLine("Lower log loss and RMSE (bins) are better; higher AUC is better.");
        output.WriteLine();
        var rows = new List<(string Model, SrsMetrics? Metrics)>
        {
            ("SM-2", report.Sm2),
            ("FSRS-6 (default)", report.FsrsDefault),
            ("FSRS-6 (fitted)", report.FsrsFitted),
        };
        output.WriteLine("| model            | log loss | RMSE (bins) |    AUC |");
        output.WriteLine("|------------------|---------:|------------:|-------:|");
        foreach (var (model, metrics) in rows)
        {
            output.WriteLine(metrics is null
                ? $"| {model,-16} |        — |           — |      — |"
                : $"| {model,-16} | {Figure(metrics.LogLoss),8} | {Figure(metrics.RmseBins),11} | {Figure(metrics.Auc),6} |");
        }

        output.WriteLine();
        if (report.FsrsFitted is null)
        {
            output.WriteLine(string.Create(C,
                $"FSRS-6 (fitted) is left out: fitting needs {options.MinimumReviews:N0} reviews or more, and this log has {SrsCardHistory.CountReviews(histories):N0}."));
        }

        output.WriteLine(Verdict(rows.Where(row => row.Metrics is not null).Select(row => (row.Model, row.Metrics!)).ToList()));
        return ExitOk;
    }

    /// <summary>Which model has the lowest log loss, by how much against the runner-up, and against SM-2 (also as a share) when SM-2 is not it.</summary>
    private static string Verdict(List<(string Model, SrsMetrics Metrics)> scored)
    {
        var ranked = scored.OrderBy(row => row.Metrics.LogLoss).ToList();
        var (best, bestMetrics) = ranked[0];
        var sm2 = scored[0];
        string Below((string Model, SrsMetrics Metrics) other) => other.Model == sm2.Model
            ? string.Create(C, $"{Figure(other.Metrics.LogLoss - bestMetrics.LogLoss)} ({(other.Metrics.LogLoss - bestMetrics.LogLoss) / other.Metrics.LogLoss * 100:0}%) below SM-2")
            : $"{Figure(other.Metrics.LogLoss - bestMetrics.LogLoss)} below {other.Model}";

        var verdict = $"Best by log loss: {best}, {Below(ranked[1])}";
        if (best != sm2.Model && ranked[1].Model != sm2.Model)
        {
            verdict += " and " + Below(sm2);
        }

        return verdict + ".";
    }

    private static string Figure(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", C);

    private static string Count(int count, string noun) => string.Create(C, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");
}
