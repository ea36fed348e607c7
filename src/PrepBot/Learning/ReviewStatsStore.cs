using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>
/// How every learner does on one card, from the grades that count (undone ones left out): the raw counts behind the
/// authors' statistics (<c>content stats</c>, <c>/card show</c>).
/// </summary>
/// <param name="CardId">The card.</param>
/// <param name="Learners">Learners who graded it.</param>
/// <param name="Reviews">Every grade of it: first answers, scheduled reviews and same-day re-drills.</param>
/// <param name="ScheduledReviews">Grades of scheduled reviews (what SM-2 can count as a lapse).</param>
/// <param name="Lapses">Scheduled reviews failed (graded below Hard).</param>
/// <param name="FirstAnswers">First grades (the card was new to the learner).</param>
/// <param name="FirstWrong">First grades below Hard: wrong at first sight (a wrong option is graded Again).</param>
/// <param name="Leeches">Learners for whom the card is a leech (their lapses at or above the threshold).</param>
/// <param name="ChoiceAnswers">Multiple-choice answers with the options chosen recorded.</param>
/// <param name="OptionPicks">How often each option (by its place in the card file) was chosen in those answers.</param>
public sealed record CardReviewStats(
    string CardId,
    int Learners,
    int Reviews,
    int ScheduledReviews,
    int Lapses,
    int FirstAnswers,
    int FirstWrong,
    int Leeches,
    int ChoiceAnswers,
    IReadOnlyDictionary<int, int> OptionPicks)
{
    /// <summary>Share of scheduled reviews failed; null before any scheduled review.</summary>
    public double? LapseRate => ScheduledReviews == 0 ? null : (double)Lapses / ScheduledReviews;

    /// <summary>Share of first answers below Hard; null before any.</summary>
    public double? FirstWrongRate => FirstAnswers == 0 ? null : (double)FirstWrong / FirstAnswers;
}

/// <summary>One grade that counts, as the review log keeps it: when it was given and its SM-2 quality (0–5).</summary>
public readonly record struct TimedGrade(DateTimeOffset At, int Quality);

/// <summary>One learner's grades of one card that count (undone ones left out), oldest first.</summary>
/// <param name="LearnerId">The learner.</param>
/// <param name="TimeZoneId">The learner's time zone now (IANA id), which their study days follow.</param>
/// <param name="CardId">The card.</param>
/// <param name="Grades">Oldest first; grades given at the same instant keep the order they were recorded in.</param>
public sealed record LearnerCardGrades(long LearnerId, string TimeZoneId, string CardId, IReadOnlyList<TimedGrade> Grades);

/// <summary>
/// Reads the review log and card states across learners for the authors' card statistics. Read-only: the tables belong
/// to <see cref="ReviewStore"/>, which writes them.
/// </summary>
public sealed class ReviewStatsStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    // Kinds as stored: 0 = New (a first grade), 1 = Scheduled. Quality below 3 fails (Sm2.PassingQuality).
    private const string Grades = """
        SELECT "CardId", COUNT(DISTINCT "LearnerId"), COUNT(*),
            SUM(CASE WHEN "Kind" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = 1 AND "Quality" < 3 THEN 1 ELSE 0 END),
            SUM(CASE WHEN "Kind" = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = 0 AND "Quality" < 3 THEN 1 ELSE 0 END)
        FROM "ReviewLogs" WHERE "UndoneAt" IS NULL
        """;

    private const string Choices = """SELECT "CardId", "ChosenOptions", COUNT(*) FROM "ReviewLogs" WHERE "UndoneAt" IS NULL AND "ChosenOptions" IS NOT NULL""";

    // CardStates is keyed by learner: one card's leeches are a scan (an admin's occasional /card show), as every card's are.
    private const string Leeches = """SELECT "CardId", COUNT(*) FROM "CardStates" WHERE "Lapses" >= @leech""";

    private const string OfCard = " AND \"CardId\" = @card";

    private const string GroupByCard = " GROUP BY \"CardId\"";

    private const string GroupByCardAndOptions = " GROUP BY \"CardId\", \"ChosenOptions\"";

    private static readonly Queries AllCards = new(Grades + GroupByCard, Choices + GroupByCardAndOptions, Leeches + GroupByCard);

    /// <summary>One card's: a range of IX_ReviewLogs_CardId rather than the whole log.</summary>
    internal static readonly Queries OneCard = new(
        Grades + OfCard + GroupByCard,
        Choices + OfCard + GroupByCardAndOptions,
        Leeches + OfCard + GroupByCard);

    // The whole log in (learner, card, time) order; Id breaks ties in the order the grades were recorded.
    private const string GradeHistories = """
        SELECT r."LearnerId", l."TimeZoneId", r."CardId", r."AnsweredAt", r."Quality"
        FROM "ReviewLogs" r JOIN "Learners" l ON l."Id" = r."LearnerId"
        WHERE r."UndoneAt" IS NULL
        ORDER BY r."LearnerId", r."CardId", r."AnsweredAt", r."Id"
        """;

    // One learner's: a range of IX_ReviewLogs_LearnerId_AnsweredAt, sorted by card.
    private const string LearnerGradeHistories = """
        SELECT r."LearnerId", l."TimeZoneId", r."CardId", r."AnsweredAt", r."Quality"
        FROM "ReviewLogs" r JOIN "Learners" l ON l."Id" = r."LearnerId"
        WHERE r."UndoneAt" IS NULL AND r."LearnerId" = @learner
        ORDER BY r."CardId", r."AnsweredAt", r."Id"
        """;

    /// <summary>Every card with at least one grade that counts, in no particular order.</summary>
    public Task<IReadOnlyList<CardReviewStats>> GetAllAsync(int leechLapses, CancellationToken cancellationToken) =>
        ReadAsync(cardId: null, leechLapses, cancellationToken);

    /// <summary>One card's figures, or null when nobody has graded it.</summary>
    public async Task<CardReviewStats?> GetAsync(string cardId, int leechLapses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cardId);
        return (await ReadAsync(cardId, leechLapses, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>
    /// Every learner's grades of every card that count (<c>srs evaluate</c> replays them), ordered by learner, then card,
    /// each card's grades oldest first, with the learner's time zone so that days can be counted as their study days.
    /// </summary>
    public Task<IReadOnlyList<LearnerCardGrades>> GetGradeHistoriesAsync(CancellationToken cancellationToken) =>
        ReadGradeHistoriesAsync(learner: null, cancellationToken);

    /// <summary>One learner's grades that count, per card, oldest first (what <c>/me optimize</c> fits to).</summary>
    public Task<IReadOnlyList<LearnerCardGrades>> GetGradeHistoriesAsync(long learnerId, CancellationToken cancellationToken) =>
        ReadGradeHistoriesAsync(learnerId, cancellationToken);

    private async Task<IReadOnlyList<LearnerCardGrades>> ReadGradeHistoriesAsync(long? learner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = learner is { } id
            ? StoreCommand.Create(connection, null, LearnerGradeHistories, ("@learner", id))
            : StoreCommand.Create(connection, null, GradeHistories);

        var histories = new List<LearnerCardGrades>();
        List<TimedGrade>? grades = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var learnerId = reader.GetInt64(0);
            var cardId = reader.GetString(2);
            if (histories.Count == 0 || histories[^1].LearnerId != learnerId || !string.Equals(histories[^1].CardId, cardId, StringComparison.Ordinal))
            {
                grades = [];
                histories.Add(new LearnerCardGrades(learnerId, reader.GetString(1), cardId, grades));
            }

            grades!.Add(new TimedGrade(StorageEncoding.Instant(reader.GetInt64(3)), reader.GetInt32(4)));
        }

        return histories;
    }

    private async Task<IReadOnlyList<CardReviewStats>> ReadAsync(string? cardId, int leechLapses, CancellationToken cancellationToken)
    {
        var queries = cardId is null ? AllCards : OneCard;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);

        // One read transaction: the three queries see the same moment.
        await using var transaction = await StoreCommand.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var leeches = new Dictionary<string, int>(StringComparer.Ordinal);
        await ForEachRowAsync(transaction, queries.Leeches, cardId, leechLapses, r => leeches[r.GetString(0)] = Int(r, 1), cancellationToken).ConfigureAwait(false);

        var picks = new Dictionary<string, (int Answers, Dictionary<int, int> Options)>(StringComparer.Ordinal);
        await ForEachRowAsync(transaction, queries.Choices, cardId, leechLapses, r =>
        {
            var id = r.GetString(0);
            var count = Int(r, 2);
            var (answers, options) = picks.TryGetValue(id, out var seen) ? seen : (0, new Dictionary<int, int>());
            foreach (var option in ReviewChoices.Parse(r.GetString(1)))
            {
                options[option] = options.GetValueOrDefault(option) + count;
            }

            picks[id] = (answers + count, options);
        }, cancellationToken).ConfigureAwait(false);

        var stats = new List<CardReviewStats>();
        await ForEachRowAsync(transaction, queries.Grades, cardId, leechLapses, r =>
        {
            var id = r.GetString(0);
            var (answers, options) = picks.TryGetValue(id, out var chosen) ? chosen : (0, new Dictionary<int, int>());
            stats.Add(new CardReviewStats(id, Int(r, 1), Int(r, 2), Int(r, 3), Int(r, 4), Int(r, 5), Int(r, 6),
                leeches.GetValueOrDefault(id), answers, options));
        }, cancellationToken).ConfigureAwait(false);
        return stats;
    }

    private static async Task ForEachRowAsync(
        DbTransaction transaction, string sql, string? cardId, int leechLapses, Action<DbDataReader> onRow, CancellationToken cancellationToken)
    {
        // Only the parameters the statement names (PostgreSQL refuses to infer the type of one it does not use).
        var parameters = new List<(string, object?)>(2);
        if (sql.Contains("@leech", StringComparison.Ordinal))
        {
            parameters.Add(("@leech", leechLapses));
        }

        if (cardId is not null)
        {
            parameters.Add(("@card", cardId));
        }

        await using var command = StoreCommand.Create(transaction, sql, [.. parameters]);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            onRow(reader);
        }
    }

    /// <summary>A count or a sum (a 64-bit integer on PostgreSQL, or a numeric for a sum of them) as an int.</summary>
    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>The three statements of one read: grades, options chosen, leeches.</summary>
    internal sealed record Queries(string Grades, string Choices, string Leeches);
}
