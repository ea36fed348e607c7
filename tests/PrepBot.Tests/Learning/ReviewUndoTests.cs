using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning;

/// <summary><see cref="ReviewStore.UndoAsync"/> on a real migrated SQLite file and a fake clock.</summary>
public abstract class ReviewUndoTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
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

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CardState?> StateRowAsync(string cardId = "c1")
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.CardStates.AsNoTracking().SingleOrDefaultAsync(s => s.LearnerId == _learner && s.CardId == cardId, Ct);
    }

    private async Task<List<StudyDay>> DaysAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.StudyDays.AsNoTracking().Where(d => d.LearnerId == _learner).OrderBy(d => d.Day).ToListAsync(Ct);
    }

    private async Task<List<ReviewLog>> LogsAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.ReviewLogs.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
    }

    /// <summary>A card seen yesterday (Good), failed today on its review (Again: a lapse and a re-drill), then passed in the re-drill.</summary>
    private async Task GradeThriceAsync()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);
        _time.Advance(TimeSpan.FromMinutes(3));
        await _store.RecordAsync(_learner, "c1", 2, 4, Utc, Ct);
    }

    [Fact]
    public async Task Undo_puts_every_column_of_the_card_state_and_the_study_day_back_as_they_were()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await _store.RecordAsync(_learner, "c2", 0, 5, Utc, Ct);
        var stateBefore = await StateRowAsync();
        var daysBefore = await DaysAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        var answeredAt = _time.GetUtcNow();
        var lapse = await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);
        Assert.Equal(1, lapse.State.Lapses);
        _time.Advance(TimeSpan.FromMinutes(1));

        var undo = await _store.UndoAsync(_learner, lapse.LogId, Window, Ct);

        Assert.Equal(UndoResult.Undone, undo.Result);
        Assert.Equal(new UndoneGrade("c1", 1, ReviewKind.Scheduled, answeredAt), undo.Grade);
        Assert.Equivalent(stateBefore, await StateRowAsync(), strict: true);
        Assert.Equivalent(daysBefore, await DaysAsync(), strict: true);
    }

    [Fact]
    public async Task Undo_of_a_redrill_grade_restores_the_redrill_flag_and_scheduled_due()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);
        var stateBefore = await StateRowAsync();
        var daysBefore = await DaysAsync();
        Assert.True(stateBefore!.InRedrill);
        _time.Advance(TimeSpan.FromMinutes(3));
        var redrill = await _store.RecordAsync(_learner, "c1", 2, 4, Utc, Ct);
        Assert.Equal(ReviewKind.Redrill, redrill.Kind);

        var undo = await _store.UndoAsync(_learner, redrill.LogId, Window, Ct);

        Assert.Equal(UndoResult.Undone, undo.Result);
        Assert.Equivalent(stateBefore, await StateRowAsync(), strict: true);
        Assert.Equivalent(daysBefore, await DaysAsync(), strict: true);
    }

    [Fact]
    public async Task Undo_of_a_first_grade_makes_the_card_new_again_and_removes_the_day_it_made()
    {
        var first = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        var undo = await _store.UndoAsync(_learner, first.LogId, Window, Ct);

        Assert.Equal(UndoResult.Undone, undo.Result);
        Assert.Equal(ReviewKind.New, undo.Grade!.Kind);
        Assert.Null(await StateRowAsync());
        Assert.Empty(await DaysAsync());
        Assert.Empty(await _store.GetSeenCardIdsAsync(_learner, Ct));
        Assert.Equal(CardStateSnapshot.Unseen("c1"), await _store.GetStateAsync(_learner, "c1", Ct));
    }

    [Fact]
    public async Task The_undone_log_row_stays_marked_undone_and_counts_nowhere()
    {
        var since = _time.GetUtcNow();
        var first = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromMinutes(1));

        await _store.UndoAsync(_learner, first.LogId, Window, Ct);

        var log = Assert.Single(await LogsAsync());
        Assert.Equal(_time.GetUtcNow(), log.UndoneAt);
        Assert.Empty(await _store.GetReviewMomentsAsync(_learner, since, Ct));
        Assert.Empty(await _store.GetCardReviewsAsync(_learner, since, Ct));
        Assert.Empty(await _store.CountGradesSinceAsync(_learner, since, Ct));
        Assert.Empty(await _store.GetLastAnsweredAsync([_learner], Ct));
    }

    [Fact]
    public async Task After_an_undo_the_card_is_graded_again_from_the_same_version_and_counts_once()
    {
        var first = await _store.RecordAsync(_learner, "c1", 0, 1, Utc, Ct);
        await _store.UndoAsync(_learner, first.LogId, Window, Ct);

        var again = await _store.RecordAsync(_learner, "c1", 0, 5, Utc, Ct);
        var duplicate = await _store.RecordAsync(_learner, "c1", 0, 5, Utc, Ct);

        Assert.Equal(RecordResult.Recorded, again.Result);
        Assert.Equal(RecordResult.Duplicate, duplicate.Result);
        Assert.NotEqual(first.LogId, again.LogId);
        Assert.Equal([true, false], (await LogsAsync()).Select(l => l.UndoneAt is not null));
        var day = Assert.Single(await DaysAsync());
        Assert.Equal((1, 1, 1), (day.Reviews, day.Scored, day.Correct));
    }

    [Fact]
    public async Task Two_undo_presses_at_once_undo_exactly_once()
    {
        await _store.RecordAsync(_learner, "c2", 0, 4, Utc, Ct);
        var grade = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        var outcomes = await Task.WhenAll(
            _store.UndoAsync(_learner, grade.LogId, Window, Ct),
            _store.UndoAsync(_learner, grade.LogId, Window, Ct));

        Assert.Single(outcomes, o => o.Result == UndoResult.Undone);
        Assert.Single(outcomes, o => o.Result == UndoResult.AlreadyUndone);
        var day = Assert.Single(await DaysAsync());
        Assert.Equal((1, 1, 1), (day.Reviews, day.Scored, day.Correct));
        Assert.Single(await LogsAsync(), l => l.UndoneAt is not null);
    }

    [Fact]
    public async Task Undo_works_across_a_restart_from_the_database_alone()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        var stateBefore = await StateRowAsync();
        var grade = await _store.RecordAsync(_learner, "c1", 1, 5, Utc, Ct);

        await using var reopened = await _db.ReopenAsync();
        var restarted = new ReviewStore(reopened.Factory, _time);
        var undo = await restarted.UndoAsync(_learner, grade.LogId, Window, Ct);

        Assert.Equal(UndoResult.Undone, undo.Result);
        await using var db = await reopened.Factory.CreateDbContextAsync(Ct);
        Assert.Equivalent(stateBefore, await db.CardStates.AsNoTracking().SingleAsync(Ct), strict: true);
    }

    [Fact]
    public async Task Undo_after_the_card_was_graded_again_is_refused_and_changes_nothing()
    {
        var first = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        await _store.RecordAsync(_learner, "c1", 1, 5, Utc, Ct);
        var stateBefore = await StateRowAsync();

        var undo = await _store.UndoAsync(_learner, first.LogId, Window, Ct);

        Assert.Equal(UndoResult.GradedAgain, undo.Result);
        Assert.Equivalent(stateBefore, await StateRowAsync(), strict: true);
        Assert.All(await LogsAsync(), l => Assert.Null(l.UndoneAt));
    }

    [Fact]
    public async Task Undo_is_allowed_for_ten_minutes_and_refused_after()
    {
        var early = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        var late = await _store.RecordAsync(_learner, "c2", 0, 4, Utc, Ct);
        _time.Advance(Window);

        var atTheLimit = await _store.UndoAsync(_learner, early.LogId, Window, Ct);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var past = await _store.UndoAsync(_learner, late.LogId, Window, Ct);

        Assert.Equal(UndoResult.Undone, atTheLimit.Result);
        Assert.Equal(UndoResult.Expired, past.Result);
        Assert.NotNull(await StateRowAsync("c2"));
    }

    [Fact]
    public async Task Another_learner_cannot_undo_a_grade()
    {
        var grace = await _db.AddLearnerAsync("grace");
        var grade = await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);

        var undo = await _store.UndoAsync(grace, grade.LogId, Window, Ct);

        Assert.Equal(UndoResult.NotYours, undo.Result);
        Assert.Null(undo.Grade);
        Assert.NotNull(await StateRowAsync());
    }

    [Fact]
    public async Task Undo_of_the_latest_grade_steps_back_one_grade_at_a_time()
    {
        await GradeThriceAsync();

        var first = await _store.UndoAsync(_learner, null, Window, Ct);
        var second = await _store.UndoAsync(_learner, null, Window, Ct);

        Assert.Equal((UndoResult.Undone, ReviewKind.Redrill), (first.Result, first.Grade!.Kind));
        Assert.Equal((UndoResult.Undone, ReviewKind.Scheduled), (second.Result, second.Grade!.Kind));
        var state = await StateRowAsync();
        Assert.Equal((1, 0, false), (state!.Version, state.Lapses, state.InRedrill));
    }

    [Fact]
    public async Task Undo_with_no_grade_says_there_is_nothing_to_undo()
    {
        var undo = await _store.UndoAsync(_learner, null, Window, Ct);

        Assert.Equal(UndoResult.NothingToUndo, undo.Result);
    }

    [Fact]
    public async Task Multiple_choice_answers_keep_the_options_chosen()
    {
        await _store.RecordAsync(_learner, "c1", 0, 1, Utc, [3, 0], Ct);
        await _store.RecordAsync(_learner, "c2", 0, 4, Utc, Ct);

        Assert.Equal(["0,3", null], (await LogsAsync()).Select(l => l.ChosenOptions));
    }
}

public sealed class SqliteReviewUndoTests() : ReviewUndoTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresReviewUndoTests(PostgresServer server) : ReviewUndoTests(TestEngine.Postgres, server);
