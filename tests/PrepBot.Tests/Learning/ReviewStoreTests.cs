using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning;

public abstract class ReviewStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private ReviewStore _store = null!;
    private long _learner;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new ReviewStore(_db.Factory, _time);
        _learner = await _db.AddLearnerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private protected TestDatabase Database => _db;

    protected long Learner => _learner;

    protected DateTimeOffset Now => _time.GetUtcNow();

    private async Task<List<ReviewLog>> LogsAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.ReviewLogs.OrderBy(r => r.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Good_on_a_new_card_schedules_it_for_the_next_study_day()
    {
        var outcome = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        Assert.Equal(RecordResult.Recorded, outcome.Result);
        Assert.Equal(ReviewKind.New, outcome.Kind);
        Assert.Equal(1, outcome.State.Version);
        Assert.Equal(1, outcome.State.Repetitions);
        Assert.False(outcome.State.InRedrill);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 4, 0, 0, TimeSpan.Zero), outcome.State.Due);
    }

    [Fact]
    public async Task Good_on_second_review_schedules_six_days_out()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));

        var outcome = await _store.RecordAsync(_learner, "c1", 1, 4, Utc, Ct);

        Assert.Equal(6, outcome.State.IntervalDays);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), outcome.State.Due);
    }

    [Fact]
    public async Task Grade_and_log_row_are_written_together_with_before_and_after_state()
    {
        await _store.RecordAsync(_learner, "c1", 0, 5, Utc, Ct);

        var log = Assert.Single(await LogsAsync());
        Assert.Equal((0, 5, ReviewKind.New), (log.StateVersion, log.Quality, log.Kind));
        Assert.Equal((2.5, 0, 0), (log.PreviousEasinessFactor, log.PreviousIntervalDays, log.PreviousRepetitions));
        Assert.Equal((2.6, 1, 1), (log.NextEasinessFactor, log.NextIntervalDays, log.NextRepetitions));
        Assert.Equal(_time.GetUtcNow(), log.AnsweredAt);
    }

    [Fact]
    public async Task Second_submit_of_the_same_answer_is_a_duplicate_and_counts_once()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        var again = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        Assert.Equal(RecordResult.Duplicate, again.Result);
        Assert.Equal(1, again.State.Version);
        Assert.Single(await LogsAsync());
    }

    [Fact]
    public async Task Concurrent_double_click_records_exactly_one_grade()
    {
        var first = _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        var second = _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        var outcomes = await Task.WhenAll(first, second);

        Assert.Single(outcomes, o => o.Result == RecordResult.Recorded);
        Assert.Single(outcomes, o => o.Result == RecordResult.Duplicate);
        Assert.Single(await LogsAsync());
    }

    [Fact]
    public async Task Answer_to_a_version_that_never_existed_is_stale_and_changes_nothing()
    {
        var outcome = await _store.RecordAsync(_learner, "c1", 3, 4, Utc, Ct);

        Assert.Equal(RecordResult.Stale, outcome.Result);
        Assert.Empty(await LogsAsync());
    }

    [Fact]
    public async Task Failed_card_comes_back_the_same_day_after_the_real_reviews()
    {
        await _store.RecordAsync(_learner, "old", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(2));
        await _store.RecordAsync(_learner, "failed", 0, 1, Utc, Ct);

        var due = await _store.GetDueAsync(_learner, _time.GetUtcNow(), 10, Ct);

        Assert.Equal(["old", "failed"], due.Select(d => d.CardId));
        Assert.Equal([false, true], due.Select(d => d.InRedrill));
    }

    [Fact]
    public async Task Redrill_answered_well_leaves_the_queue_without_counting_a_repetition()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        var failed = await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));

        var redrill = await _store.RecordAsync(_learner, "c1", failed.State.Version, 4, Utc, Ct);

        Assert.Equal(ReviewKind.Redrill, redrill.Kind);
        Assert.False(redrill.State.InRedrill);
        Assert.Equal((failed.State.Repetitions, failed.State.IntervalDays, failed.State.EasinessFactor),
            (redrill.State.Repetitions, redrill.State.IntervalDays, redrill.State.EasinessFactor));
        Assert.Equal(failed.State.ScheduledDue, redrill.State.Due);
        Assert.Empty(await _store.GetDueAsync(_learner, _time.GetUtcNow(), 10, Ct));
    }

    [Fact]
    public async Task Redrill_answered_hard_stays_in_the_queue()
    {
        await _store.RecordAsync(_learner, "c1", 0, 1, Utc, Ct);

        var hard = await _store.RecordAsync(_learner, "c1", 1, 3, Utc, Ct);

        Assert.Equal(ReviewKind.Redrill, hard.Kind);
        Assert.True(hard.State.InRedrill);
        Assert.Single(await _store.GetDueAsync(_learner, _time.GetUtcNow(), 10, Ct));
    }

    [Fact]
    public async Task Hard_on_a_scheduled_review_passes_but_is_redrilled_without_a_lapse()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));

        var hard = await _store.RecordAsync(_learner, "c1", 1, 3, Utc, Ct);

        Assert.Equal((2, 6, 0), (hard.State.Repetitions, hard.State.IntervalDays, hard.State.Lapses));
        Assert.True(hard.State.InRedrill);
    }

    [Fact]
    public async Task Lapse_on_a_scheduled_review_is_counted()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));

        var lapse = await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);

        Assert.Equal((1, 0, 1), (lapse.State.Lapses, lapse.State.Repetitions, lapse.State.IntervalDays));
    }

    [Fact]
    public async Task Due_queue_holds_only_this_learners_due_cards_oldest_first_up_to_the_limit()
    {
        var other = await _db.AddLearnerAsync("grace");
        foreach (var id in new[] { "a", "b", "c" })
        {
            await _store.RecordAsync(_learner, id, 0, 4, Utc, Ct);
            _time.Advance(TimeSpan.FromHours(1));
        }

        await _store.RecordAsync(other, "a", 0, 4, Utc, Ct);
        await _store.RecordAsync(_learner, "later", 0, 5, Utc, Ct);
        await _store.RecordAsync(_learner, "later", 1, 5, Utc, Ct); // redrill no longer: 5 ≥ 4, so due tomorrow only

        var due = await _store.GetDueAsync(_learner, _time.GetUtcNow().AddDays(1), 2, Ct);

        Assert.Equal(2, due.Count);
        Assert.All(due, d => Assert.Contains(d.CardId, new[] { "a", "b", "c", "later" }));
        Assert.True(due[0].Due <= due[1].Due);
    }

    [Fact]
    public async Task Cards_not_yet_due_are_not_in_the_queue()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        Assert.Empty(await _store.GetDueAsync(_learner, _time.GetUtcNow(), 10, Ct));
    }

    [Fact]
    public async Task Due_card_fields_are_read_back_as_written()
    {
        await _store.RecordAsync(_learner, "c1", 0, 1, Utc, Ct);

        var due = Assert.Single(await _store.GetDueAsync(_learner, _time.GetUtcNow(), 10, Ct));

        Assert.Equal(new DueCard("c1", _time.GetUtcNow(), InRedrill: true, Version: 1), due);
    }

    [Fact]
    public async Task Many_grades_of_one_learner_at_once_each_count_once_in_the_log_and_on_the_day()
    {
        var cards = Enumerable.Range(0, 8).Select(i => $"c{i}").ToList();

        // Every card answered twice at once (a double click), all cards at once.
        var outcomes = await Task.WhenAll(cards.Concat(cards).Select(card => _store.RecordAsync(_learner, card, 0, 4, Utc, Ct)));

        Assert.Equal(8, outcomes.Count(o => o.Result == RecordResult.Recorded));
        Assert.Equal(8, outcomes.Count(o => o.Result == RecordResult.Duplicate));
        Assert.Equal(cards, (await LogsAsync()).Select(l => l.CardId).Order(StringComparer.Ordinal));
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        var day = await db.StudyDays.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((8, 8, 8), (day.Reviews, day.Scored, day.Correct));
    }

    [Fact]
    public async Task Reads_of_due_dates_leeches_and_the_reminder_scan_leave_out_suspended_cards()
    {
        var other = await _db.AddLearnerAsync("bob");
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        await _store.RecordAsync(_learner, "c2", 0, 1, Utc, Ct);
        await _store.RecordAsync(other, "c1", 0, 4, Utc, Ct);
        await new CardHoldStore(_db.Factory, _time).SuspendAsync(_learner, "c1", Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await _store.RecordAsync(_learner, "c2", 1, 4, Utc, Ct); // the day after: a scheduled review
        await _store.RecordAsync(_learner, "c2", 2, 1, Utc, Ct); // failed: a lapse
        var now = _time.GetUtcNow();

        var until = await _store.GetDueUntilAsync(_learner, now.AddDays(2), Ct);
        var scanned = new List<(long, string)>();
        await _store.ScanAllDueAsync(now, (learner, card) => scanned.Add((learner, card)), Ct);

        Assert.Equal([("c2", now)], until);
        Assert.Equal([(_learner, "c2"), (other, "c1")], scanned.Order());
        Assert.Equal([("c2", 1)], await _store.GetLeechesAsync(_learner, 1, Ct));
        Assert.Empty(await _store.GetLeechesAsync(other, 1, Ct));
        Assert.Equal(new HashSet<string> { "c1", "c2" }, await _store.GetSeenCardIdsAsync(_learner, Ct));
        Assert.Equal(new Dictionary<ReviewKind, int> { [ReviewKind.New] = 2, [ReviewKind.Scheduled] = 2 },
            await _store.CountGradesSinceAsync(_learner, now.AddDays(-2), Ct));
        Assert.Equal(new Dictionary<long, DateTimeOffset> { [_learner] = now, [other] = now.AddDays(-1) },
            await _store.GetLastAnsweredAsync([_learner, other, 999_999], Ct));
    }
}

public sealed class SqliteReviewStoreTests() : ReviewStoreTests(TestEngine.Sqlite, null)
{
    [Fact]
    public async Task Due_queue_is_one_query_on_the_learner_due_index()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ReviewStore.DueSql;
        command.Parameters.AddWithValue("@learner", Learner);
        command.Parameters.AddWithValue("@now", Now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@limit", 20);

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_CardStates_LearnerId_Due (LearnerId=? AND Due<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN CardStates", StringComparison.Ordinal));
    }
}

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresReviewStoreTests(PostgresServer server) : ReviewStoreTests(TestEngine.Postgres, server)
{
    [Fact]
    public async Task Due_queue_can_be_read_from_the_learner_due_index()
    {
        // A test table is too small for the planner to prefer an index on its own: with sequential scans priced out, the
        // plan shows that the statement is one the (learner, due) index answers, as it will at a million rows.
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync(Ct);
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + ReviewStore.DueSql, connection);
        command.Parameters.AddWithValue("learner", Learner);
        command.Parameters.AddWithValue("now", Now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("limit", 20);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, step => step.Contains("\"IX_CardStates_LearnerId_Due\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("Seq Scan on \"CardStates\"", StringComparison.Ordinal));
    }
}
