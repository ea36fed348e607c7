using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Hosting;
using PrepBot.Learning;
using PrepBot.Learning.Fsrs;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning.Fsrs;

/// <summary><c>srs evaluate [--log FILE]</c> run in-process: on the shipped review log, a CSV the test writes, and a database the test fills.</summary>
public sealed class SrsEvaluateCommandTests : IDisposable
{
    private static readonly string ShippedLog = Path.Combine(RepositoryFolders.Root, "tests", "PrepBot.Tests", "Learning", "Fsrs", "review-log.csv");

    private static readonly double[] Learner =
        [0.3, 1.5, 3.5, 10.0, 7.0, 0.7, 2.0, 0.01, 1.4, 0.15, 1.2, 1.7, 0.08, 0.3, 1.8, 0.5, 2.0, 0.5, 0.1, 0.08, 0.5];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("prepbot-srs-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        SqliteConnection.ClearAllPools();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PrepBotApp.RunAsync(["srs", "evaluate", .. args], output: output, error: error);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task On_the_shipped_log_it_prints_the_three_models_figures_and_the_best()
    {
        var (exit, output, error) = await RunAsync("--log", ShippedLog);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal(
            $"""
            srs evaluate: {ShippedLog}: 3,273 reviews of 400 cards.
            Split by time: trained on the first 80% of the log by review time (2,618 reviews, before 2025-08-08 11:22 UTC), scored on the last 20% (655 reviews; 618 of them a day or more after the card's previous review, which each model predicts).
            FSRS-6 (fitted) is fitted once, on the training part.
            SM-2 is PrepBot's SM-2 replayed over each card's grades as it schedules them (same-day re-drills left out), read as a recall probability R = 0.9^(t/I), as srs-benchmark does.
            Lower log loss and RMSE (bins) are better; higher AUC is better.

            | model            | log loss | RMSE (bins) |    AUC |
            |------------------|---------:|------------:|-------:|
            | SM-2             |   0.2942 |      0.0805 | 0.5500 |
            | FSRS-6 (default) |   0.2760 |      0.0756 | 0.6809 |
            | FSRS-6 (fitted)  |   0.2748 |      0.0706 | 0.6844 |

            Best by log loss: FSRS-6 (fitted), 0.0012 below FSRS-6 (default) and 0.0194 (7%) below SM-2.

            """,
            output);
    }

    [Fact]
    public async Task A_log_under_400_reviews_is_evaluated_without_the_fitted_model_and_says_why()
    {
        var log = WriteLog("short.csv", FsrsReviewSimulator.Simulate(Learner, cards: 30, days: 120, seed: 5));
        var reviews = SrsCardHistory.CountReviews(AnkiRevlogCsv.Read(new StringReader(File.ReadAllText(log))));

        var (exit, output, _) = await RunAsync($"--log={log}");

        Assert.Equal(0, exit);
        Assert.True(reviews < 400, $"{reviews} reviews");
        Assert.Contains("| FSRS-6 (fitted)  |        — |           — |      — |\n", output, StringComparison.Ordinal);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"FSRS-6 (fitted) is left out: fitting needs 400 reviews or more, and this log has {reviews}.\n"),
            output,
            StringComparison.Ordinal);
        Assert.Matches(@"\nBest by log loss: (SM-2|FSRS-6 \(default\)), 0\.\d{4}( \(\d+%\))? below (SM-2|FSRS-6 \(default\))\.\n$", output);
    }

    [Fact]
    public async Task A_malformed_log_names_the_file_line_and_column_and_evaluates_nothing()
    {
        var log = Path.Combine(_folder.FullName, "bad.csv");
        await File.WriteAllTextAsync(log, "card_id,review_time,review_rating,elapsed_days\nc1,1736186220000,3,0\nc1,1736272620000,7,1\n", Ct);

        var (exit, output, error) = await RunAsync("--log", log);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            $"srs evaluate: {log}: Line 3, column review_rating: '7' is not a grade: expected 1 (Again) to 4 (Easy), or 0 for a manual reschedule. Nothing was evaluated.\n",
            error);
    }

    [Fact]
    public async Task A_missing_log_file_is_named_with_its_option()
    {
        var missing = Path.Combine(_folder.FullName, "nowhere.csv");

        var (exit, _, error) = await RunAsync("--log", missing);

        Assert.Equal(2, exit);
        Assert.Equal($"srs evaluate: --log: there is no file at '{missing}'.\n", error);
    }

    [Theory]
    [InlineData("--log", "--log needs a file, e.g. --log revlog.csv; srs evaluate takes --log FILE (a review log in Anki's revlog CSV layout), or nothing to read the bot's database.")]
    [InlineData("--log=", "--log needs a file, e.g. --log revlog.csv; srs evaluate takes --log FILE (a review log in Anki's revlog CSV layout), or nothing to read the bot's database.")]
    [InlineData("--days", "srs evaluate has no option '--days'; srs evaluate takes --log FILE (a review log in Anki's revlog CSV layout), or nothing to read the bot's database.")]
    [InlineData("revlog.csv", "srs evaluate has no argument 'revlog.csv'; srs evaluate takes --log FILE (a review log in Anki's revlog CSV layout), or nothing to read the bot's database.")]
    public async Task Bad_arguments_are_named_with_exit_two(string argument, string message)
    {
        var (exit, _, error) = await RunAsync(argument);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task A_missing_database_is_named_and_not_created()
    {
        var missing = Path.Combine(_folder.FullName, "missing.db");

        var (exit, output, error) = await RunAsync($"--Data:DatabasePath={missing}");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal(
            $"srs evaluate: there is no database at '{missing}' (Data:DatabasePath), so no review to evaluate; give a review log with --log FILE.\n", error);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_database_without_reviews_has_nothing_to_evaluate()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exit, output, error) = await RunAsync($"--Data:DatabasePath={db.Path}");

        Assert.Equal((1, string.Empty), (exit, output));
        Assert.Equal($"srs evaluate: the bot's database {db.Path}: 0 reviews (undone grades left out) of 0 cards by 0 learners: no review to evaluate yet.\n", error);
    }

    [Fact]
    public async Task The_bots_database_is_evaluated_over_all_learners_by_study_day_without_undone_grades()
    {
        await using var db = await TestDatabase.CreateAsync();
        var counted = await GradedHistory.WriteAsync(db);
        var expected = SrsEvaluator.Evaluate(counted);

        var (exit, output, error) = await RunAsync($"--Data:DatabasePath={db.Path}");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith(
            $"""
            srs evaluate: the bot's database {db.Path}: 108 reviews (undone grades left out) of 9 cards by 3 learners.
            Split by time: trained on the first 80% of the log by review time (
            """,
            output,
            StringComparison.Ordinal);
        Assert.Contains(
            """
            Each learner's grades of a card are one history, days counted as that learner's study days (from 04:00 in their time zone);
            all learners' cards are evaluated together, and FSRS-6 (fitted) is fitted once, on the pooled training part (not per learner).
            """,
            output,
            StringComparison.Ordinal);
        Assert.Contains($"| SM-2             | {Figures(expected.Sm2)}\n", output, StringComparison.Ordinal);
        Assert.Contains($"| FSRS-6 (default) | {Figures(expected.FsrsDefault)}\n", output, StringComparison.Ordinal);
        Assert.Contains("FSRS-6 (fitted) is left out: fitting needs 400 reviews or more, and this log has 108.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Histories_count_days_as_the_learners_study_days()
    {
        // 18:30 and 19:30 UTC on 2 March are 03:30 and 04:30 on 3 March in Tokyo: two study days, one UTC date.
        var day = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        TimedGrade[] grades = [new(day.AddHours(10), 4), new(day.AddHours(18.5), 1), new(day.AddHours(19.5), 3)];

        var histories = SrsEvaluateCommand.HistoriesOf([new LearnerCardGrades(7, "Asia/Tokyo", "c1", grades), new LearnerCardGrades(8, "Etc/UTC", "c1", grades)]);

        Assert.Equal(["7/c1", "8/c1"], histories.Select(h => h.CardId));
        Assert.Equal([0, 0, 1], histories[0].Reviews.Select(r => r.ElapsedDays));
        Assert.Equal([0, 0, 0], histories[1].Reviews.Select(r => r.ElapsedDays));
        Assert.Equal([FsrsRating.Good, FsrsRating.Again, FsrsRating.Hard], histories[0].Reviews.Select(r => r.Rating));
    }

    private static string Figures(SrsMetrics metrics) => string.Create(
        CultureInfo.InvariantCulture, $"{metrics.LogLoss,8:0.0000} | {metrics.RmseBins,11:0.0000} | {metrics.Auc,6:0.0000} |");

    private string WriteLog(string name, IEnumerable<SrsCardHistory> histories)
    {
        var path = Path.Combine(_folder.FullName, name);
        using var writer = new StreamWriter(path);
        AnkiRevlogCsv.Write(writer, histories);
        return path;
    }
}

/// <summary>
/// Three learners in three time zones grade three cards each day for twelve days through <see cref="ReviewStore"/>; on
/// the last day one grade is undone and given again. Returns the histories that count, built independently of the command.
/// </summary>
internal static class GradedHistory
{
    private static readonly int[] Qualities = [4, 5, 1, 3, 4, 4, 2];

    public static async Task<List<SrsCardHistory>> WriteAsync(TestDatabase db)
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var store = new ReviewStore(db.Factory, time);
        string[] zoneIds = ["Etc/UTC", "America/New_York", "Asia/Tokyo"];
        var learners = new List<(long Id, TimeZoneInfo Zone)>();
        foreach (var zoneId in zoneIds)
        {
            learners.Add((await db.AddLearnerAsync(zoneId, zoneId), TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
        }

        string[] cards = ["c1", "c2", "c3"];
        var versions = new Dictionary<(long, string), int>();
        var grades = new Dictionary<(long, string), List<(DateTimeOffset, FsrsRating)>>();
        for (var day = 0; day < 12; day++)
        {
            for (var l = 0; l < learners.Count; l++)
            {
                var (learner, zone) = learners[l];
                for (var c = 0; c < cards.Length; c++)
                {
                    var key = (learner, cards[c]);
                    var version = versions.GetValueOrDefault(key);
                    if (day == 11 && l == 0 && c == 0)
                    {
                        var undone = await store.RecordAsync(learner, cards[c], version, 1, zone, ct);
                        await store.UndoAsync(learner, undone.LogId, TimeSpan.FromMinutes(10), ct);
                    }

                    var quality = Qualities[(day + l + c) % Qualities.Length];
                    var outcome = await store.RecordAsync(learner, cards[c], version, quality, zone, ct);
                    Assert.Equal(RecordResult.Recorded, outcome.Result);
                    versions[key] = outcome.State.Version;
                    if (!grades.TryGetValue(key, out var list))
                    {
                        grades[key] = list = [];
                    }

                    list.Add((time.GetUtcNow(), FsrsRatings.FromSm2Quality(quality)));
                }

                // Learners study at different hours: the clock moves between them, so study days and UTC dates differ.
                time.Advance(TimeSpan.FromHours(7));
            }

            time.Advance(TimeSpan.FromHours(3));
        }

        return [.. learners.SelectMany(learner => cards.Select(card => SrsCardHistory.FromTimes(
            $"{learner.Id}/{card}", grades[(learner.Id, card)], instant => StudyCalendar.StudyDay(instant, learner.Zone))))];
    }
}
