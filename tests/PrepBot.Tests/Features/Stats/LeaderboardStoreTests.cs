using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Stats;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Stats;

/// <summary>A server's week: who is ranked, in which order, ties, the caller's own place, opt-outs and week boundaries.</summary>
public abstract class LeaderboardStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private const string Guild = "900";
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    // Wednesday 2026-03-11, 12:00 UTC: the week is Monday 9 to Sunday 15 March.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private LeaderboardStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new LeaderboardStore(_db.Factory, new StudyDayStore(_db.Factory), _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A learner of <paramref name="guild"/> with <paramref name="correct"/> of <paramref name="reviews"/> on <paramref name="day"/> (default Tuesday of this week).</summary>
    private async Task<long> LearnerAsync(string name, int reviews, int correct, string guild = Guild, DateOnly? day = null)
    {
        var id = await _db.AddLearnerAsync(name);
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        db.GuildLearners.Add(new GuildLearner { GuildId = guild, LearnerId = id });
        if (reviews > 0)
        {
            db.StudyDays.Add(new StudyDay { LearnerId = id, Day = day ?? new DateOnly(2026, 3, 10), Reviews = reviews, Scored = reviews, Correct = correct });
        }

        await db.SaveChangesAsync(Ct);
        return id;
    }

    [Fact]
    public async Task Ties_share_a_rank_listed_by_name_and_the_next_rank_skips()
    {
        await LearnerAsync("grace", 10, 8);
        await LearnerAsync("ada", 10, 8);
        await LearnerAsync("linus", 12, 8);
        var caller = await LearnerAsync("zed", 3, 1);

        var week = await _store.ReadWeekAsync(Guild, caller, Utc, Ct);

        Assert.Equal([(1, "linus"), (2, "ada"), (2, "grace"), (4, "zed")], week.Top.Select(e => (e.Rank, e.DisplayName)));
        Assert.Equal([false, true, true, false], week.Top.Select(e => e.IsTie));
        Assert.Equal(4, week.Participants);
    }

    [Fact]
    public async Task Top_ten_are_listed_and_the_caller_below_them_gets_their_own_rank()
    {
        for (var i = 0; i < 14; i++)
        {
            await LearnerAsync($"learner{i:00}", 50 - i, 40 - i);
        }

        var caller = await LearnerAsync("slow", 2, 1);

        var week = await _store.ReadWeekAsync(Guild, caller, Utc, Ct);

        Assert.Equal(10, week.Top.Count);
        Assert.Equal(Enumerable.Range(1, 10), week.Top.Select(e => e.Rank));
        Assert.False(week.CallerInTop);
        Assert.Equal((15, 2, 1), (week.Caller!.Rank, week.Caller.Reviews, week.Caller.Correct));
        Assert.Equal(15, week.Participants);
    }

    [Fact]
    public async Task Ten_way_tie_at_the_top_still_lists_ten_in_a_stable_order()
    {
        for (var i = 11; i >= 0; i--)
        {
            await LearnerAsync($"l{i:00}", 5, 5);
        }

        var week = await _store.ReadWeekAsync(Guild, callerId: -1, Utc, Ct);

        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"l{i:00}")], week.Top.Select(e => e.DisplayName));
        Assert.All(week.Top, e => Assert.Equal((1, 12), (e.Rank, e.SharedBy)));
    }

    [Fact]
    public async Task Opted_out_learners_are_neither_listed_nor_ranked()
    {
        var best = await LearnerAsync("best", 20, 20);
        await LearnerAsync("second", 10, 10);
        var caller = await LearnerAsync("third", 5, 5);
        await _store.SetOptedOutAsync(best, optOut: true, Ct);

        var week = await _store.ReadWeekAsync(Guild, caller, Utc, Ct);

        Assert.Equal(["second", "third"], week.Top.Select(e => e.DisplayName));
        Assert.Equal(2, week.Caller!.Rank);
        Assert.Equal(2, week.Participants);
    }

    [Fact]
    public async Task Opted_out_caller_has_no_place_and_opting_in_again_restores_it()
    {
        var caller = await LearnerAsync("ada", 5, 5);
        await _store.SetOptedOutAsync(caller, optOut: true, Ct);

        var hidden = await _store.ReadWeekAsync(Guild, caller, Utc, Ct);
        await _store.SetOptedOutAsync(caller, optOut: false, Ct);
        var shown = await _store.ReadWeekAsync(Guild, caller, Utc, Ct);

        Assert.Null(hidden.Caller);
        Assert.Empty(hidden.Top);
        Assert.Equal(1, shown.Caller!.Rank);
    }

    [Fact]
    public async Task Opting_out_twice_changes_nothing_the_second_time_and_opting_in_twice_neither()
    {
        var ada = await _db.AddLearnerAsync("ada");

        var changes = new[]
        {
            await _store.SetOptedOutAsync(ada, optOut: true, Ct),
            await _store.SetOptedOutAsync(ada, optOut: true, Ct),
            await _store.IsOptedOutAsync(ada, Ct),
            await _store.SetOptedOutAsync(ada, optOut: false, Ct),
            await _store.SetOptedOutAsync(ada, optOut: false, Ct),
            await _store.IsOptedOutAsync(ada, Ct),
        };

        Assert.Equal([true, false, true, true, false, false], changes);
    }

    [Fact]
    public async Task Only_this_servers_learners_and_this_weeks_days_count()
    {
        await LearnerAsync("elsewhere", 30, 30, guild: "901");
        await LearnerAsync("last-week", 30, 30, day: new DateOnly(2026, 3, 8));
        var caller = await LearnerAsync("ada", 1, 1);

        var week = await _store.ReadWeekAsync(Guild, caller, Utc, Ct);

        Assert.Equal(["ada"], week.Top.Select(e => e.DisplayName));
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15)), (week.FirstDay, week.LastDay));
    }

    [Fact]
    public async Task Week_is_the_callers_so_a_caller_already_in_Monday_sees_a_fresh_week()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 15, 22, 0, 0, TimeSpan.Zero)); // Sunday 22:00 UTC = Monday 07:00 in Tokyo
        var caller = await LearnerAsync("ada", 4, 4, day: new DateOnly(2026, 3, 15));

        var inLondon = await _store.ReadWeekAsync(Guild, caller, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), Ct);
        var inTokyo = await _store.ReadWeekAsync(Guild, caller, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), Ct);

        Assert.Equal(1, inLondon.Caller!.Rank);
        Assert.Equal(new DateOnly(2026, 3, 16), inTokyo.FirstDay);
        Assert.Null(inTokyo.Caller);
    }

    /// <summary>Run by the engine's class only (see below).</summary>
    protected async Task Week_query_reads_indexes_onlyCore()
    {
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + StudyDayStore.WeekSql;
        foreach (var (name, value) in new (string, object)[] { ("@guild", Guild), ("@first", "2026-03-09"), ("@last", "2026-03-15"), ("@top", 10), ("@caller", 1) })
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("SEARCH g USING", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("SEARCH d USING", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN g", StringComparison.Ordinal) || step.StartsWith("SCAN d", StringComparison.Ordinal));
    }
}

public sealed class SqliteLeaderboardStoreTests() : LeaderboardStoreTests(TestEngine.Sqlite, null)
{
    /// <summary>SQLite's query plan (PostgreSQL's is its planner's to choose; the benchmarks time it).</summary>
    [Fact]
    public Task Week_query_reads_indexes_only() => Week_query_reads_indexes_onlyCore();
}

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresLeaderboardStoreTests(PostgresServer server) : LeaderboardStoreTests(TestEngine.Postgres, server);
