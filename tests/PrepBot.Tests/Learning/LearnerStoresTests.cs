using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning;

/// <summary>
/// The learner's smaller stores — holds, pauses, interview, settings, enrolment, study days — on a real migrated database
/// of either engine, with a fake clock; double presses at once change things once.
/// </summary>
public abstract class LearnerStoresTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private long _learner;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _learner = await _db.AddLearnerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Holds_skip_a_new_card_suspend_and_resume_it_and_refuse_a_card_already_answered()
    {
        var holds = new CardHoldStore(_db.Factory, _time);
        await new ReviewStore(_db.Factory, _time).RecordAsync(_learner, "seen", 0, 4, Utc, Ct);
        var tomorrow = _time.GetUtcNow().AddDays(1);

        Assert.Equal(SkipResult.Skipped, await holds.SkipAsync(_learner, "c1", tomorrow, Ct));
        Assert.Equal(SkipResult.AlreadySkipped, await holds.SkipAsync(_learner, "c1", tomorrow, Ct));
        Assert.Equal(SkipResult.NotNew, await holds.SkipAsync(_learner, "seen", tomorrow, Ct));
        Assert.Equal(new HashSet<string> { "c1" }, await holds.GetHeldCardIdsAsync(_learner, _time.GetUtcNow(), Ct));
        Assert.Empty(await holds.GetHeldCardIdsAsync(_learner, tomorrow, Ct));

        Assert.True(await holds.SuspendAsync(_learner, "c1", Ct));
        Assert.Equal(SkipResult.Suspended, await holds.SkipAsync(_learner, "c1", tomorrow, Ct));
        Assert.Equal([new SuspendedCard("c1", _time.GetUtcNow())], await holds.GetSuspendedAsync(_learner, Ct));
        Assert.Equal(new HashSet<string> { "c1" }, await holds.GetHeldCardIdsAsync(_learner, tomorrow, Ct));

        Assert.True(await holds.ResumeAsync(_learner, "c1", Ct));
        Assert.False(await holds.ResumeAsync(_learner, "c1", Ct));
        Assert.Empty(await holds.GetSuspendedAsync(_learner, Ct));
    }

    [Fact]
    public async Task Two_suspend_presses_at_once_suspend_once()
    {
        var holds = new CardHoldStore(_db.Factory, _time);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => holds.SuspendAsync(_learner, "c1", Ct)));

        Assert.Single(results, r => r);
        Assert.Single(await holds.GetSuspendedAsync(_learner, Ct));
    }

    [Fact]
    public async Task A_pause_moves_the_cards_due_in_it_and_ending_it_early_moves_them_back()
    {
        var reviews = new ReviewStore(_db.Factory, _time);
        var pauses = new PauseStore(_db.Factory, _time);
        await reviews.RecordAsync(_learner, "c1", 0, 4, Utc, Ct); // due tomorrow
        var due = (await reviews.GetStateAsync(_learner, "c1", Ct)).Due;

        var paused = await pauses.SetAsync(_learner, Utc, 5, Ct);

        var today = new DateOnly(2026, 3, 2);
        Assert.Equal((new PauseSpan(today, today.AddDays(4)), (PauseSpan?)null, 1), (paused.Started, paused.Ended, paused.CardsMoved));
        Assert.Equal(due.AddDays(5), (await reviews.GetStateAsync(_learner, "c1", Ct)).Due);
        Assert.Equal(paused.Started, await pauses.CurrentAsync(_learner, Utc, Ct));
        Assert.Equal([paused.Started!], await pauses.GetAllAsync(_learner, Ct));
        Assert.Equal([paused.Started!], (await pauses.GetRunningAsync(today, Ct))[_learner]);

        var ended = await pauses.SetAsync(_learner, Utc, 0, Ct);

        Assert.Equal((null, paused.Started, 1), (ended.Started, ended.Ended, ended.CardsMoved));
        Assert.Equal(due, (await reviews.GetStateAsync(_learner, "c1", Ct)).Due);
        Assert.Null(await pauses.CurrentAsync(_learner, Utc, Ct));
        Assert.Empty(await pauses.GetAllAsync(_learner, Ct));
    }

    [Fact]
    public async Task A_pause_and_a_settings_change_at_once_both_land_on_one_settings_row()
    {
        var pauses = new PauseStore(_db.Factory, _time);
        var settings = new LearnerSettingsStore(_db.Factory, _time);

        await Task.WhenAll(
            pauses.SetAsync(_learner, Utc, 3, Ct),
            settings.UpdateAsync(_learner, s => s.DailyReviewCap = 20, Ct),
            settings.UpdateAsync(_learner, s => s.DailyNewCap = 5, Ct));

        Assert.Equal(new DailyCapSettings(20, 5), await settings.GetCapsAsync(_learner, Ct));
        Assert.NotNull(await pauses.CurrentAsync(_learner, Utc, Ct));
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.LearnerSettings.CountAsync(Ct));
    }

    [Fact]
    public async Task Settings_default_until_changed_and_reminder_runs_see_every_discord_learner_with_theirs()
    {
        var settings = new LearnerSettingsStore(_db.Factory, _time);
        long ada, bob;
        await using (var db = await _db.Factory.CreateDbContextAsync(Ct))
        {
            var a = new Learner { Platform = LearnerPlatforms.Discord, PlatformUserId = "1", DisplayName = "ada", TimeZoneId = "Etc/UTC" };
            var b = new Learner { Platform = LearnerPlatforms.Discord, PlatformUserId = "2", DisplayName = "bob", TimeZoneId = "Asia/Tokyo" };
            db.Learners.AddRange(a, b);
            await db.SaveChangesAsync(Ct);
            (ada, bob) = (a.Id, b.Id);
        }

        Assert.Equal(new DailyCapSettings(null, null), await settings.GetCapsAsync(ada, Ct));
        Assert.False((await settings.GetAsync(ada, Ct)).ReminderOff);
        var changed = await settings.UpdateAsync(ada, s => (s.ReminderTime, s.ReminderOff, s.DailyReviewCap) = (new TimeOnly(7, 30), true, 40), Ct);

        Assert.Equal(_time.GetUtcNow(), changed.UpdatedAt);
        Assert.Equal(new DailyCapSettings(40, null), await settings.GetCapsAsync(ada, Ct));
        var all = (await settings.ReadDiscordLearnersAsync(Ct)).OrderBy(l => l.LearnerId).ToList();
        Assert.Equal(
            [
                new LearnerReminderSettings(ada, "1", "Etc/UTC", new TimeOnly(7, 30), true, 40, _time.GetUtcNow()),
                new LearnerReminderSettings(bob, "2", "Asia/Tokyo", null, false, null, null),
            ],
            all);
    }

    [Fact]
    public async Task An_interview_is_set_replaced_read_and_cleared_and_two_sets_at_once_leave_one_row()
    {
        var interviews = new InterviewStore(_db.Factory, _time);
        var day = new DateOnly(2026, 4, 1);

        await Task.WhenAll(
            interviews.SetAsync(_learner, new InterviewDate(day, "Acme"), Ct),
            interviews.SetAsync(_learner, new InterviewDate(day, "Acme"), Ct));
        await interviews.SetAsync(_learner, new InterviewDate(day.AddDays(1), null), Ct);

        Assert.Equal(new InterviewDate(day.AddDays(1), null), await interviews.GetAsync(_learner, Ct));
        Assert.Equal(KeyValuePair.Create(_learner, new InterviewDate(day.AddDays(1), null)), Assert.Single(await interviews.ReadAllAsync(Ct)));
        Assert.True(await interviews.ClearAsync(_learner, Ct));
        Assert.False(await interviews.ClearAsync(_learner, Ct));
        Assert.Null(await interviews.GetAsync(_learner, Ct));
    }

    [Fact]
    public async Task A_learner_is_enrolled_once_changed_and_forgotten_with_everything_about_them()
    {
        await using var writer = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
        var learners = new LearnerStore(_db.Factory, writer, _time);

        var enrolled = await learners.GetOrCreateAsync(LearnerPlatforms.Discord, "42", "grace", "Etc/UTC", Ct);
        var again = await learners.GetOrCreateAsync(LearnerPlatforms.Discord, "42", "grace", "Etc/UTC", Ct);

        Assert.Equal(enrolled.Id, again.Id);
        Assert.Equal(_time.GetUtcNow(), enrolled.CreatedAt);
        Assert.Equal(enrolled.Id, (await learners.FindAsync(LearnerPlatforms.Discord, "42", Ct))!.Id);
        Assert.Null(await learners.FindAsync(LearnerPlatforms.Discord, "43", Ct));
        Assert.True(await learners.SetTimeZoneAsync(enrolled.Id, "Europe/Paris", Ct));
        Assert.False(await learners.SetTimeZoneAsync(enrolled.Id, "Europe/Paris", Ct));
        await learners.SetPlanStartAsync(enrolled.Id, new DateOnly(2026, 3, 9), Ct);
        var read = await learners.GetAsync(enrolled.Id, Ct);
        Assert.Equal(("Europe/Paris", (DateOnly?)new DateOnly(2026, 3, 9)), (read.TimeZoneId, read.PlanStart));
        Assert.Equal([_learner, enrolled.Id], (await learners.GetManyAsync([_learner, enrolled.Id, 999_999], Ct)).Keys.Order());

        await new ReviewStore(_db.Factory, _time).RecordAsync(enrolled.Id, "c1", 0, 4, Utc, Ct);
        Assert.False(await learners.ForgetAsync(enrolled.Id, enrolled.CreatedAt.AddSeconds(-1), Ct));
        Assert.True(await learners.ForgetAsync(enrolled.Id, enrolled.CreatedAt, Ct));

        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        Assert.False(await db.CardStates.AnyAsync(s => s.LearnerId == enrolled.Id, Ct));
        Assert.False(await db.StudyDays.AnyAsync(d => d.LearnerId == enrolled.Id, Ct));
    }

    [Fact]
    public async Task Two_processes_enrolling_the_same_people_at_once_get_one_learner_each()
    {
        // Two writers on one database, as two bot processes have: their batches may race (on PostgreSQL, truly at once), and
        // a loser of the race on the unique identity gets the winner's row (not deterministic: a smoke test of the path).
        await using var firstWriter = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
        await using var secondWriter = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
        var first = new LearnerStore(_db.Factory, firstWriter, _time);
        var second = new LearnerStore(_db.Factory, secondWriter, _time);
        var users = Enumerable.Range(0, 12).Select(i => $"user{i}").ToList();

        var enrolled = await Task.WhenAll(users.SelectMany(user => new[]
        {
            first.GetOrCreateAsync(LearnerPlatforms.Discord, user, user, "Etc/UTC", Ct),
            second.GetOrCreateAsync(LearnerPlatforms.Discord, user, user, "Etc/UTC", Ct),
        }));

        Assert.All(enrolled.Chunk(2), pair => Assert.Equal(pair[0].Id, pair[1].Id));
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(users.Count, await db.Learners.CountAsync(l => l.Platform == LearnerPlatforms.Discord, Ct));
    }

    [Fact]
    public async Task Only_the_call_that_inserted_a_learner_is_told_it_enrolled_them_so_a_returning_learners_history_is_always_read()
    {
        // Enrolled lets a first /quiz skip reading what cannot exist yet; a call told so wrongly would hand a returning
        // learner a card they have seen. Four calls for the same person at once, through two processes' writers.
        await using var firstWriter = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
        await using var secondWriter = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
        var first = new LearnerStore(_db.Factory, firstWriter, _time);
        var second = new LearnerStore(_db.Factory, secondWriter, _time);

        var calls = await Task.WhenAll(
            first.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", Ct),
            second.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", Ct),
            first.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", Ct),
            second.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", Ct));
        var later = await first.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada again", "Europe/Paris", Ct);

        Assert.Single(calls, call => call.Enrolled);
        Assert.Single(calls.Select(call => call.Learner.Id).Distinct());
        Assert.False(later.Enrolled);
        var enrolled = calls.Single(call => call.Enrolled).Learner;
        Assert.Equal(later.Learner.Id, enrolled.Id);
        Assert.Equal(("ada", "Etc/UTC", _time.GetUtcNow()), (later.Learner.DisplayName, later.Learner.TimeZoneId, later.Learner.CreatedAt));
        Assert.Equal(later.Learner.CreatedAt, enrolled.CreatedAt); // the returned row is the stored one, to the millisecond
    }

    [Fact]
    public async Task A_servers_week_ranks_by_correct_then_reviews_ties_by_name_in_any_case_and_leaves_out_opt_outs()
    {
        var names = new[] { "bob", "Alice", "carol", "dave" };
        var ids = new List<long>();
        foreach (var name in names)
        {
            ids.Add(await _db.AddLearnerAsync(name));
        }

        await using (var db = await _db.Factory.CreateDbContextAsync(Ct))
        {
            db.GuildLearners.AddRange(ids.Select(id => new GuildLearner { GuildId = "g1", LearnerId = id }));
            db.LeaderboardOptOuts.Add(new LeaderboardOptOut { LearnerId = ids[3] });
            await db.SaveChangesAsync(Ct);
        }

        var reviews = new ReviewStore(_db.Factory, _time);
        foreach (var id in ids)
        {
            await reviews.RecordAsync(id, "c1", 0, 4, Utc, Ct);
        }

        await reviews.RecordAsync(ids[2], "c2", 0, 4, Utc, Ct); // carol: two correct

        var days = new StudyDayStore(_db.Factory);
        var week = await days.RankWeekAsync("g1", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), top: 10, callerId: ids[0], Ct);

        Assert.Equal(
            [
                new WeekRankRow(1, ids[2], "carol", 2, 2, 3, 1),
                new WeekRankRow(2, ids[1], "Alice", 1, 1, 3, 2),
                new WeekRankRow(2, ids[0], "bob", 1, 1, 3, 2),
            ],
            week);
        Assert.Equal([new StudyDayRow(new DateOnly(2026, 3, 2), 2, 2, 2)], await days.GetDaysAsync(ids[2], Ct));
        Assert.Empty(await days.RankWeekAsync("g1", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), 10, ids[0], Ct));
    }
}

public sealed class SqliteLearnerStoresTests() : LearnerStoresTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresLearnerStoresTests(PostgresServer server) : LearnerStoresTests(TestEngine.Postgres, server);
