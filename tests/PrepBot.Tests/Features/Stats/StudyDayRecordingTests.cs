using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Stats;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Stats;

/// <summary>Every grade fixes its local study day when it is recorded; streaks read those days, not a re-derivation.</summary>
public abstract class StudyDayRecordingTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    // 21:00 in New York on Monday 2026-03-02 (EST, UTC−5) is 11:00 on Tuesday in Tokyo.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private ReviewStore _store = null!;
    private StudyHistory _history = null!;
    private long _learner;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new ReviewStore(_db.Factory, _time);
        _history = new StudyHistory(new StudyDayStore(_db.Factory), _store, new PauseStore(_db.Factory, _time));
        _learner = await _db.AddLearnerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<StudyDay>> DaysAsync()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        return await db.StudyDays.OrderBy(d => d.Day).ToListAsync(Ct);
    }

    [Fact]
    public async Task Grade_is_counted_on_the_learners_local_study_day_with_correct_and_scored_counts()
    {
        await _store.RecordAsync(_learner, "c1", 0, 1, NewYork, Ct);
        await _store.RecordAsync(_learner, "c1", 1, 4, NewYork, Ct); // same-day re-drill: a review, not scored
        await _store.RecordAsync(_learner, "c2", 0, 3, NewYork, Ct);

        var day = Assert.Single(await DaysAsync());
        Assert.Equal(new DateOnly(2026, 3, 2), day.Day);
        Assert.Equal((3, 2, 1), (day.Reviews, day.Scored, day.Correct));
    }

    [Fact]
    public async Task Duplicate_grade_does_not_count_twice_on_the_day()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, NewYork, Ct);
        await _store.RecordAsync(_learner, "c1", 0, 4, NewYork, Ct);

        Assert.Equal(1, Assert.Single(await DaysAsync()).Reviews);
    }

    [Fact]
    public async Task Streak_survives_a_move_to_a_zone_where_the_old_evenings_fall_on_other_days()
    {
        // Three New York evenings (Mon–Wed, 21:00), then the learner moves to Tokyo and studies Thursday evening there.
        for (var day = 0; day < 3; day++)
        {
            _time.Advance(TimeSpan.FromDays(day == 0 ? 0 : 1));
            await _store.RecordAsync(_learner, $"c{day}", 0, 4, NewYork, Ct);
        }

        _time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 11, 0, 0, TimeSpan.Zero)); // 20:00 Thursday in Tokyo
        await _store.RecordAsync(_learner, "c9", 0, 4, Tokyo, Ct);
        var today = StudyCalendar.StudyDay(_time.GetUtcNow(), Tokyo);

        var history = await _history.ReadAsync(_learner, Tokyo, today, Ct);

        Assert.Equal(new DateOnly(2026, 3, 5), today);
        Assert.Equal([new(2026, 3, 2), new(2026, 3, 3), new(2026, 3, 4), new(2026, 3, 5)], history.Days.Keys.Order());
        Assert.Equal((4, 4), StudyStreak.Compute(history.Days.Keys, history.Pauses, today));

        // Re-deriving the days in the new zone would have put the New York evenings on Tue–Thu: a streak of 3.
        var rederived = (await _store.GetReviewMomentsAsync(_learner, DateTimeOffset.MinValue, Ct)).Select(m => StudyCalendar.StudyDay(m.AnsweredAt, Tokyo));
        Assert.Equal(3, StudyStreak.Compute(rederived, [], today).Current);
    }

    [Fact]
    public async Task Pauses_are_read_with_the_days()
    {
        await using (var db = await _db.Factory.CreateDbContextAsync(Ct))
        {
            db.LearnerPauses.Add(new LearnerPause { LearnerId = _learner, FirstDay = new(2026, 3, 5), LastDay = new(2026, 3, 8) });
            await db.SaveChangesAsync(Ct);
        }

        var history = await _history.ReadAsync(_learner, NewYork, new DateOnly(2026, 3, 9), Ct);

        Assert.True(history.IsPaused(new DateOnly(2026, 3, 8)));
        Assert.False(history.IsPaused(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public async Task Grades_logged_before_study_days_were_recorded_are_placed_by_the_review_log()
    {
        await _store.RecordAsync(_learner, "old", 0, 4, NewYork, Ct);
        await using (var db = await _db.Factory.CreateDbContextAsync(Ct))
        {
            await db.StudyDays.ExecuteDeleteAsync(Ct); // as in a database from before the StudyDays table
        }

        _time.Advance(TimeSpan.FromDays(2));
        await _store.RecordAsync(_learner, "new", 0, 2, NewYork, Ct);
        var today = StudyCalendar.StudyDay(_time.GetUtcNow(), NewYork);

        var history = await _history.ReadAsync(_learner, NewYork, today, Ct);

        Assert.Equal(new DayActivity(1, 1, 1), history.On(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DayActivity(1, 1, 0), history.On(new DateOnly(2026, 3, 4)));
    }

    [Fact]
    public async Task Forgetting_a_learner_removes_their_study_days()
    {
        await _store.RecordAsync(_learner, "c1", 0, 4, NewYork, Ct);

        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        await db.Learners.Where(l => l.Id == _learner).ExecuteDeleteAsync(Ct);

        Assert.Empty(await db.StudyDays.ToListAsync(Ct));
    }
}

public sealed class SqliteStudyDayRecordingTests() : StudyDayRecordingTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresStudyDayRecordingTests(PostgresServer server) : StudyDayRecordingTests(TestEngine.Postgres, server);
