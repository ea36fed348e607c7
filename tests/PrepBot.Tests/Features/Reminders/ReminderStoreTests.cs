using PrepBot.Data;
using PrepBot.Features.Reminders;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Reminders;

/// <summary>Reminder claims and results, on both engines: of two runs (two processes) claiming the same learners, each learner goes to one.</summary>
public abstract class ReminderStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 11);
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 18, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private ReminderStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new ReminderStore(_db.Factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_runs_claiming_the_same_learners_at_once_share_them_each_learner_claimed_exactly_once()
    {
        var learners = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            learners.Add(await _db.AddLearnerAsync($"l{i}"));
        }

        // Yesterday's state, as both runs read it before either claimed.
        await _store.ClaimAsync([.. learners.Select(l => new ReminderClaim(l, Today.AddDays(-1), HasDue: true))], Now.AddDays(-1), Ct);
        var seen = await _store.ReadAllAsync(Ct);
        var claims = learners.Select(l => new ReminderClaim(l, Today, HasDue: true, seen[l].UpdatedAt)).ToList();

        var runs = await Task.WhenAll(
            Task.Run(() => _store.ClaimAsync(claims, Now, Ct), Ct),
            Task.Run(() => _store.ClaimAsync([.. Enumerable.Reverse(claims)], Now.AddMilliseconds(1), Ct), Ct));

        Assert.Empty(runs[0].Intersect(runs[1]));
        Assert.Equal(learners.Order(), runs[0].Union(runs[1]).Order());
        Assert.All((await _store.ReadAllAsync(Ct)).Values, d => Assert.Equal((Today, ReminderOutcome.Pending), (d.ReminderDay, d.ReminderOutcome)));
    }

    [Fact]
    public async Task A_first_claim_of_a_learner_is_won_by_one_of_two_runs_that_both_read_no_state()
    {
        var ada = await _db.AddLearnerAsync("ada");

        var runs = await Task.WhenAll(
            Task.Run(() => _store.ClaimAsync([new ReminderClaim(ada, Today, HasDue: true)], Now, Ct), Ct),
            Task.Run(() => _store.ClaimAsync([new ReminderClaim(ada, Today, HasDue: true)], Now, Ct), Ct));

        Assert.Equal(1, runs.Count(r => r.Contains(ada)));
    }

    [Fact]
    public async Task A_claim_left_pending_by_a_crash_is_claimed_again_by_the_next_run_that_read_it()
    {
        var ada = await _db.AddLearnerAsync("ada");
        await _store.ClaimAsync([new ReminderClaim(ada, Today, HasDue: true)], Now, Ct);
        var pending = await _store.GetAsync(ada, Ct);

        var stale = await _store.ClaimAsync([new ReminderClaim(ada, Today, HasDue: true, SeenUpdatedAt: Now.AddDays(-1))], Now.AddMinutes(1), Ct);
        var again = await _store.ClaimAsync([new ReminderClaim(ada, Today, HasDue: true, pending.UpdatedAt)], Now.AddMinutes(1), Ct);

        Assert.Empty(stale);
        Assert.Equal([ada], again);
    }

    [Fact]
    public async Task Results_record_the_dm_channel_of_a_sent_reminder_and_the_reason_of_a_refused_one()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var bob = await _db.AddLearnerAsync("bob");
        await _store.ClaimAsync([new ReminderClaim(ada, Today, HasDue: true), new ReminderClaim(bob, Today, HasDue: true)], Now, Ct);

        await _store.RecordResultsAsync(
            [new ReminderResult(ada, "777", null, false), new ReminderResult(bob, null, new string('x', 400), DmClosed: true)], Now.AddMinutes(1), Ct);

        var sent = await _store.GetAsync(ada, Ct);
        var refused = await _store.GetAsync(bob, Ct);
        Assert.Equal((ReminderOutcome.Sent, "777", Now.AddMinutes(1), false, (string?)null), (sent.ReminderOutcome, sent.DmChannelId, sent.ReminderSentAt, sent.DmClosed, sent.DmFailureReason));
        Assert.Equal((ReminderOutcome.Failed, true, 300, Now.AddMinutes(1)), (refused.ReminderOutcome, refused.DmClosed, refused.DmFailureReason!.Length, refused.DmFailedAt));
        Assert.Equal(Today, refused.ReminderDay);
    }
}

public sealed class SqliteReminderStoreTests() : ReminderStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresReminderStoreTests(PostgresServer server) : ReminderStoreTests(TestEngine.Postgres, server);
