using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Learning.Fsrs;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning;

/// <summary>
/// Every grade keeps the card's FSRS-6 memory (whichever scheduler dates it), an undo puts it back, the start-up replay
/// fills it for cards graded before it was kept, and switching schedulers re-dates cards without losing one. Real
/// migrated SQLite, fake clock.
/// </summary>
public abstract class FsrsMemoryTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private ReviewStore _store = null!;
    private FsrsProfileStore _profiles = null!;
    private long _learner;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new ReviewStore(_db.Factory, _time);
        _profiles = new FsrsProfileStore(_db.Factory, _time);
        _learner = await _db.AddLearnerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FsrsScheduler Reference => FsrsScheduler.ForStudyDays(FsrsParameters.Default.WithFuzz(false), Utc);

    private async Task<List<CardState>> StatesAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.CardStates.AsNoTracking().Where(s => s.LearnerId == _learner).OrderBy(s => s.CardId).ToListAsync(Ct);
    }

    private async Task<List<ReviewLog>> LogsAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.ReviewLogs.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
    }

    /// <summary>Grades <paramref name="cards"/> cards Good today, then each again on the day it falls due, <paramref name="rounds"/> times.</summary>
    private async Task StudyAsync(int cards, int rounds, int quality = 4)
    {
        for (var i = 0; i < cards; i++)
        {
            await _store.RecordAsync(_learner, $"c{i}", 0, i % 3 == 0 ? 5 : quality, Utc, Ct);
        }

        for (var round = 0; round < rounds; round++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            foreach (var due in await _store.GetDueAsync(_learner, _time.GetUtcNow(), 1000, Ct))
            {
                await _store.RecordAsync(_learner, due.CardId, due.Version, due.CardId == "c1" ? 1 : quality, Utc, Ct);
            }
        }
    }

    [Fact]
    public async Task Each_grade_updates_the_cards_fsrs_memory_as_the_reference_scheduler_does_for_an_sm2_learner()
    {
        var first = _time.GetUtcNow();
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(3));
        var second = _time.GetUtcNow();
        await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        var third = _time.GetUtcNow();
        await _store.RecordAsync(_learner, "c1", 2, 4, Utc, Ct);

        var expected = Reference.Replay([(first, FsrsRating.Good), (second, FsrsRating.Again), (third, FsrsRating.Good)])!;
        var state = Assert.Single(await StatesAsync());
        Assert.Equal(expected.Stability, state.Stability!.Value, 1e-9);
        Assert.Equal(expected.Difficulty, state.Difficulty!.Value, 1e-9);

        // SM-2 still dates the card: the re-drill passed, so it is due on SM-2's date (interval 1 after the lapse).
        Assert.False(state.InRedrill);
        Assert.Equal(1, state.IntervalDays);
        Assert.Equal(state.ScheduledDue, state.Due);
        Assert.Equal(StudyCalendar.DueAfter(second, 1, Utc), state.ScheduledDue);

        var logs = await LogsAsync();
        Assert.Null(logs[0].PreviousStability);
        Assert.NotNull(logs[1].PreviousStability);
        Assert.Equal(Reference.Replay([(first, FsrsRating.Good), (second, FsrsRating.Again)])!.Stability, logs[2].PreviousStability!.Value, 1e-9);
    }

    [Fact]
    public async Task Memories_are_listed_for_seen_cards_and_not_for_suspended_ones()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        await _store.RecordAsync(_learner, "c2", 0, 1, Utc, Ct);
        await new CardHoldStore(_db.Factory, _time).SuspendAsync(_learner, "c2", Ct);

        var memory = Assert.Single(await _store.GetMemoriesAsync(_learner, Ct));

        Assert.Equal("c1", memory.CardId);
        Assert.Equal(FsrsModel.InitialStability(FsrsParameters.Default, FsrsRating.Good), memory.Memory.Stability, 1e-9);
        Assert.Equal(_time.GetUtcNow(), memory.Memory.LastReview);
    }

    [Fact]
    public async Task Undo_puts_the_memory_back_and_a_new_card_loses_it()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(2));
        var before = Assert.Single(await StatesAsync());
        var lapse = await _store.RecordAsync(_learner, "c1", 1, 1, Utc, Ct);
        Assert.NotEqual(before.Stability, Assert.Single(await StatesAsync()).Stability);

        Assert.Equal(UndoResult.Undone, (await _store.UndoAsync(_learner, lapse.LogId, TimeSpan.FromMinutes(10), Ct)).Result);

        Assert.Equivalent(before, Assert.Single(await StatesAsync()), strict: true);
    }

    [Fact]
    public async Task The_start_up_replay_fills_the_memory_of_cards_graded_before_it_was_kept_and_then_finds_nothing_to_do()
    {
        await StudyAsync(cards: 6, rounds: 12);
        var kept = await StatesAsync();
        var keptLogs = await LogsAsync();
        await using (var db = await _db.Factory.CreateDbContextAsync(Ct))
        {
            // What a database upgraded from before FSRS memory looks like.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "CardStates" SET "Stability" = NULL, "Difficulty" = NULL""", Ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "ReviewLogs" SET "PreviousStability" = NULL, "PreviousDifficulty" = NULL""", Ct);
        }

        var done = await _store.BackfillMemoryAsync(Ct);

        Assert.Equal(new MemoryBackfill(1, 6, keptLogs.Count), done);
        var filled = await StatesAsync();
        for (var i = 0; i < kept.Count; i++)
        {
            Assert.Equal(kept[i].Stability!.Value, filled[i].Stability!.Value, 1e-9);
            Assert.Equal(kept[i].Difficulty!.Value, filled[i].Difficulty!.Value, 1e-9);
        }

        var logs = await LogsAsync();
        for (var i = 0; i < logs.Count; i++)
        {
            Assert.Equal(keptLogs[i].PreviousStability is null, logs[i].PreviousStability is null);
            Assert.Equal(keptLogs[i].PreviousStability ?? 0, logs[i].PreviousStability ?? 0, 1e-9);
        }

        Assert.Equal(new MemoryBackfill(0, 0, 0), await _store.BackfillMemoryAsync(Ct));
    }

    [Fact]
    public async Task An_fsrs_learner_s_cards_are_dated_by_fsrs_at_their_retention()
    {
        await _profiles.SetSchedulerAsync(_learner, SchedulerKind.Fsrs, Utc, Ct);
        var seen = _time.GetUtcNow();
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(3));
        var reviewed = _time.GetUtcNow();
        var outcome = await _store.RecordAsync(_learner, "c1", 1, 4, Utc, Ct);

        var fuzzed = FsrsScheduler.ForStudyDays(FsrsParameters.Default, Utc);
        var first = fuzzed.Next(null, FsrsRating.Good, seen, FsrsScheduler.FuzzSeed(_learner, "c1", 0));
        var second = fuzzed.Next(first.Memory, FsrsRating.Good, reviewed, FsrsScheduler.FuzzSeed(_learner, "c1", 1));
        Assert.Equal(StudyCalendar.DueAfter(reviewed, second.IntervalDays, Utc), outcome.State.Due);
        Assert.NotEqual(StudyCalendar.DueAfter(reviewed, outcome.State.IntervalDays, Utc), outcome.State.Due);

        // A lower retention gives longer intervals from the same memory.
        var state = Assert.Single(await StatesAsync());
        await _profiles.SetRetentionAsync(_learner, 0.75, Utc, Ct);
        var relaxed = Assert.Single(await StatesAsync());
        Assert.True(relaxed.Due > state.Due, $"retention 0.75 should date the card after {state.Due:O}; got {relaxed.Due:O}");
        await _profiles.SetRetentionAsync(_learner, 0.97, Utc, Ct);
        Assert.True(Assert.Single(await StatesAsync()).Due < state.Due);
    }

    [Fact]
    public async Task Switching_to_fsrs_and_back_keeps_every_card_and_sm2_s_dates_come_back_exactly()
    {
        await StudyAsync(cards: 9, rounds: 20);
        var sm2 = await StatesAsync();
        var logCount = (await LogsAsync()).Count;

        var redated = await _profiles.SetSchedulerAsync(_learner, SchedulerKind.Fsrs, Utc, Ct);

        Assert.Equal(9, redated);
        var fsrs = await StatesAsync();
        Assert.Equal(sm2.Select(s => s.CardId), fsrs.Select(s => s.CardId));
        var scheduler = FsrsScheduler.ForStudyDays(FsrsParameters.Default, Utc);
        foreach (var card in fsrs)
        {
            var interval = scheduler.IntervalFor(new FsrsMemory(card.Stability!.Value, card.Difficulty!.Value, card.LastReviewedAt),
                FsrsScheduler.FuzzSeed(_learner, card.CardId, card.Version));
            Assert.Equal(StudyCalendar.DueAfter(card.LastReviewedAt, interval, Utc), card.ScheduledDue);
            Assert.Equal(card.InRedrill ? _time.GetUtcNow() : card.ScheduledDue, card.Due);
        }

        Assert.Contains(fsrs, card => card.InRedrill);
        Assert.NotEqual(sm2.Select(s => s.Due), fsrs.Select(s => s.Due));
        Assert.Null(await _profiles.SetSchedulerAsync(_learner, SchedulerKind.Fsrs, Utc, Ct));

        await _profiles.SetSchedulerAsync(_learner, SchedulerKind.Sm2, Utc, Ct);

        Assert.Equivalent(sm2, await StatesAsync(), strict: true);
        Assert.Equal(logCount, (await LogsAsync()).Count);
        Assert.Equal(SchedulerKind.Sm2, (await _profiles.GetAsync(_learner, Ct)).Scheduler);
    }

    [Fact]
    public async Task A_grade_and_a_scheduler_switch_at_once_leave_the_card_dated_by_the_scheduler_that_ended_up_chosen()
    {
        await StudyAsync(cards: 4, rounds: 3);
        _time.Advance(TimeSpan.FromDays(5));
        var due = await _store.GetDueAsync(_learner, _time.GetUtcNow(), 10, Ct);

        await Task.WhenAll(
            _profiles.SetSchedulerAsync(_learner, SchedulerKind.Fsrs, Utc, Ct),
            Task.WhenAll(due.Select(d => _store.RecordAsync(_learner, d.CardId, d.Version, 4, Utc, Ct))));

        var scheduler = FsrsScheduler.ForStudyDays(FsrsParameters.Default, Utc);
        var logs = await LogsAsync();
        foreach (var card in await StatesAsync())
        {
            // The switch re-dated the card after its grade, or the grade came after the switch and FSRS dated it: either way FSRS.
            var redated = scheduler.IntervalFor(new FsrsMemory(card.Stability!.Value, card.Difficulty!.Value, card.LastReviewedAt),
                FsrsScheduler.FuzzSeed(_learner, card.CardId, card.Version));
            var grade = logs.Single(l => l.CardId == card.CardId && l.StateVersion == card.Version - 1);
            var previous = new FsrsMemory(grade.PreviousStability!.Value, grade.PreviousDifficulty!.Value, grade.PreviousLastReviewedAt!.Value);
            var graded = scheduler.Next(previous, FsrsRating.Good, card.LastReviewedAt, FsrsScheduler.FuzzSeed(_learner, card.CardId, card.Version - 1));
            Assert.Contains(card.ScheduledDue, new[] { StudyCalendar.DueAfter(card.LastReviewedAt, redated, Utc), StudyCalendar.DueAfter(card.LastReviewedAt, graded.IntervalDays, Utc) });
        }

        Assert.Equal(due.Count, (await LogsAsync()).Count(l => l.AnsweredAt == _time.GetUtcNow()));
    }

    [Fact]
    public async Task Fitted_weights_replace_every_card_s_memory_by_a_replay_with_them()
    {
        double[] weights = [0.5, 2.5, 5.0, 15.0, 6.0, 0.6, 2.0, 0.01, 1.4, 0.2, 1.1, 1.8, 0.1, 0.35, 2.0, 0.4, 2.2, 0.5, 0.1, 0.1, 0.4];
        var first = _time.GetUtcNow();
        await _store.RecordAsync(_learner, "c1", 0, 4, Utc, Ct);
        _time.Advance(TimeSpan.FromDays(4));
        var second = _time.GetUtcNow();
        await _store.RecordAsync(_learner, "c1", 1, 3, Utc, Ct);
        var fit = new FsrsOptimizationResult(FsrsOptimizationOutcome.Fitted, weights, 500, 400, 100, 0.3, 0.25, "fitted");

        await _profiles.SaveFitAsync(_learner, fit, Utc, Ct);

        var mine = FsrsScheduler.ForStudyDays(new FsrsParameters(weights, enableFuzz: false), Utc);
        var expected = mine.Replay([(first, FsrsRating.Good), (second, FsrsRating.Hard)])!;
        var state = Assert.Single(await StatesAsync());
        Assert.Equal(expected.Stability, state.Stability!.Value, 1e-9);
        Assert.Equal(expected.Difficulty, state.Difficulty!.Value, 1e-9);
        Assert.Equal(mine.Replay([(first, FsrsRating.Good)])!.Stability, (await LogsAsync())[1].PreviousStability!.Value, 1e-9);
        Assert.True((await _profiles.GetAsync(_learner, Ct)).Fitted);
    }

    [Fact]
    public async Task Learners_to_fit_have_enough_counted_grades_and_no_fit_since_and_a_kept_default_keeps_the_default_weights()
    {
        var other = await _db.AddLearnerAsync("bob", "Asia/Tokyo");
        await StudyAsync(cards: 3, rounds: 0);
        await _store.RecordAsync(other, "c1", 0, 4, Utc, Ct);
        var undone = await _store.RecordAsync(other, "c2", 0, 4, Utc, Ct);
        await _store.UndoAsync(other, undone.LogId, TimeSpan.FromMinutes(10), Ct);

        Assert.Equal([(_learner, "Etc/UTC")], await _profiles.GetLearnersToFitAsync(2, _time.GetUtcNow(), Ct));
        Assert.Equal(2, (await _profiles.GetLearnersToFitAsync(1, _time.GetUtcNow(), Ct)).Count);

        var kept = new FsrsOptimizationResult(FsrsOptimizationOutcome.KeptDefaults, FsrsParameters.Default.Weights, 3, 2, 1, 0.3, 0.35, "kept");
        await _profiles.SaveFitAsync(_learner, kept, Utc, Ct);

        Assert.Empty(await _profiles.GetLearnersToFitAsync(2, _time.GetUtcNow().AddDays(-1), Ct));
        Assert.Single(await _profiles.GetLearnersToFitAsync(2, _time.GetUtcNow(), Ct));
        Assert.False((await _profiles.GetAsync(_learner, Ct)).Fitted);
        Assert.Equal(FsrsParameters.Default.WithFuzz(false).Weights, (await _profiles.GetParametersAsync(_learner, Ct)).Weights);
    }
}

public sealed class SqliteFsrsMemoryTests() : FsrsMemoryTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresFsrsMemoryTests(PostgresServer server) : FsrsMemoryTests(TestEngine.Postgres, server);
