using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning;

/// <summary>The authors' card figures, on a database the test fills grade by grade (fake clock, real SQLite).</summary>
public abstract class ReviewStatsStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(engine, server);

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private protected TestDatabase Database => _db;

    [Fact]
    public async Task Figures_count_learners_reviews_lapses_first_sight_leeches_and_options_without_undone_grades()
    {
        await StatsHistory.WriteAsync(_db, _time);
        var store = new ReviewStatsStore(_db.Factory);

        var stats = (await store.GetAllAsync(leechLapses: 2, Ct)).ToDictionary(s => s.CardId);

        var mc = stats[StatsHistory.Choice];
        Assert.Equal((3, 6, 2, 1, 3, 1, 0, 6), (mc.Learners, mc.Reviews, mc.ScheduledReviews, mc.Lapses, mc.FirstAnswers, mc.FirstWrong, mc.Leeches, mc.ChoiceAnswers));
        Assert.Equal(new Dictionary<int, int> { [0] = 2, [1] = 4 }, mc.OptionPicks);
        Assert.Equal(0.5, mc.LapseRate);
        var reveal = stats[StatsHistory.Reveal];
        Assert.Equal((1, 3, 2, 2, 1, 0, 1, 0), (reveal.Learners, reveal.Reviews, reveal.ScheduledReviews, reveal.Lapses, reveal.FirstAnswers, reveal.FirstWrong, reveal.Leeches, reveal.ChoiceAnswers));
        Assert.Empty(reveal.OptionPicks);
        Assert.Equal(2, stats.Count);
    }

    [Fact]
    public async Task One_card_is_read_alone_and_an_unanswered_card_has_no_figures()
    {
        await StatsHistory.WriteAsync(_db, _time);
        var store = new ReviewStatsStore(_db.Factory);

        var reveal = await store.GetAsync(StatsHistory.Reveal, leechLapses: 3, Ct);
        var none = await store.GetAsync("concept-nobody", leechLapses: 3, Ct);

        Assert.Equal((3, 0), (reveal!.Reviews, reveal.Leeches));
        Assert.Null(none);
    }

    [Fact]
    public async Task Grade_histories_are_each_learners_counted_grades_of_a_card_oldest_first_with_their_zone()
    {
        await StatsHistory.WriteAsync(_db, _time);
        var store = new ReviewStatsStore(_db.Factory);

        var histories = await store.GetGradeHistoriesAsync(Ct);

        // A's two cards, B's three grades of the choice card (re-drill included), C's one: the undone Again is not there.
        Assert.Equal(
            [(StatsHistory.Choice, "4,1"), (StatsHistory.Reveal, "4,1,1"), (StatsHistory.Choice, "1,4,4"), (StatsHistory.Choice, "4")],
            histories.Select(h => (h.CardId, string.Join(',', h.Grades.Select(g => g.Quality)))));
        Assert.Equal(3, histories.Select(h => h.LearnerId).Distinct().Count());
        Assert.Equal(histories.Select(h => h.LearnerId).Order(), histories.Select(h => h.LearnerId));
        Assert.All(histories, h => Assert.Equal("Etc/UTC", h.TimeZoneId));
        var reveal = histories[1].Grades.Select(g => g.At).ToList();
        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(2)], reveal);
    }
}

public sealed class SqliteReviewStatsStoreTests() : ReviewStatsStoreTests(TestEngine.Sqlite, null)
{
    [Fact]
    public async Task One_cards_grades_are_read_through_the_card_index_not_the_whole_log()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        var plan = new List<string>();
        foreach (var sql in new[] { ReviewStatsStore.OneCard.Grades, ReviewStatsStore.OneCard.Choices })
        {
            await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            command.Parameters.AddWithValue("@card", "c1");
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Equal(2, plan.Count(step => step.Contains("USING INDEX IX_ReviewLogs_CardId (CardId=?)", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ReviewLogs", StringComparison.Ordinal));
    }
}

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresReviewStatsStoreTests(PostgresServer server) : ReviewStatsStoreTests(TestEngine.Postgres, server)
{
    [Fact]
    public async Task One_cards_grades_can_be_read_through_an_index_on_the_card()
    {
        // Sequential scans priced out (a test table is too small to prefer an index): the statements are ones an index answers.
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync(Ct);
        }

        var plan = new List<string>();
        foreach (var sql in new[] { ReviewStatsStore.OneCard.Grades, ReviewStatsStore.OneCard.Choices })
        {
            await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
            command.Parameters.AddWithValue("card", "c1");
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(0));
            }
        }

        // On an empty table the planner may pick either index that has the card (IX_ReviewLogs_CardId at volume): a range of one.
        Assert.True(2 == plan.Count(step => step.Contains("Index Cond: ((\"CardId\")::text = 'c1'::text)", StringComparison.Ordinal)), string.Join("\n", plan));
        Assert.DoesNotContain(plan, step => step.Contains("Seq Scan on \"ReviewLogs\"", StringComparison.Ordinal));
    }
}

/// <summary>
/// Three learners' grades of a multiple-choice card (options: 0 wrong, 1 right, 2 wrong) and one learner's of a reveal
/// card, over three days: what the statistics tests count.
/// </summary>
internal static class StatsHistory
{
    public const string Choice = "concept-columnar";
    public const string Reveal = "concept-idempotency";

    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    public static async Task WriteAsync(TestDatabase db, FakeTimeProvider time)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new ReviewStore(db.Factory, time);
        var a = await db.AddLearnerAsync("a");
        var b = await db.AddLearnerAsync("b");
        var c = await db.AddLearnerAsync("c");

        // Day 0: A right at first sight; B wrong, then right in the re-drill; C wrong but undone, then right.
        await store.RecordAsync(a, Choice, 0, 4, Utc, [1], ct);
        await store.RecordAsync(b, Choice, 0, 1, Utc, [0], ct);
        await store.RecordAsync(b, Choice, 1, 4, Utc, [1], ct);
        var undone = await store.RecordAsync(c, Choice, 0, 1, Utc, [2], ct);
        await store.UndoAsync(c, undone.LogId, TimeSpan.FromMinutes(10), ct);
        await store.RecordAsync(c, Choice, 0, 4, Utc, [1], ct);
        await store.RecordAsync(a, Reveal, 0, 4, Utc, ct);

        // Day 1: A fails the scheduled review (a lapse), B passes it; A fails the reveal card's review.
        time.Advance(TimeSpan.FromDays(1));
        await store.RecordAsync(a, Choice, 1, 1, Utc, [0], ct);
        await store.RecordAsync(b, Choice, 2, 4, Utc, [1], ct);
        await store.RecordAsync(a, Reveal, 1, 1, Utc, ct);

        // Day 2: A fails the reveal card again: its second lapse.
        time.Advance(TimeSpan.FromDays(1));
        await store.RecordAsync(a, Reveal, 2, 1, Utc, ct);
    }
}
