using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Mock;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Mock;

/// <summary>
/// The mock interview store's races, on both engines: the database decides who wins (one match per waiting learner, one
/// learner per seat, one start per round, one feedback per author and round).
/// </summary>
public abstract class MockStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private const string Guild = "900";
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 18, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _db = null!;
    private GroupCommitWriter _writer = null!;
    private MockStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _writer = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
        _store = new MockStore(_db.Factory, new LearnerStore(_db.Factory, _writer, _time));
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<MockQueueEntry> QueueAsync(long learnerId)
    {
        var entry = new MockQueueEntry { GuildId = Guild, ChannelId = "1", LearnerId = learnerId, Kind = MockKind.Sql, JoinedAt = Now, ExpiresAt = Now.AddMinutes(30) };
        await _store.EnqueueAsync(entry, replacing: null, Ct);
        return entry;
    }

    private async Task<MockSession> LobbyAsync(long hostId)
    {
        var session = new MockSession { GuildId = Guild, ChannelId = "1", Kind = MockKind.Sql, State = MockState.Lobby, HostId = hostId, CreatedAt = Now };
        await _store.AddSessionAsync(session, Ct);
        return session;
    }

    [Fact]
    public async Task Newcomers_racing_for_one_waiting_learner_match_them_once()
    {
        var waiting = await QueueAsync(await _db.AddLearnerAsync("ada"));

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _store.RemoveQueueEntryAsync(waiting.Id, Ct), Ct)));

        Assert.Equal(1, taken.Count(t => t));
        Assert.Null(await _store.FindQueueEntryAsync(waiting.Id, Ct));
    }

    [Fact]
    public async Task Learners_racing_for_one_seat_seat_one_and_nobody_takes_both_seats()
    {
        var host = await _db.AddLearnerAsync("host");
        var session = await LobbyAsync(host);
        var racers = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            racers.Add(await _db.AddLearnerAsync($"r{i}"));
        }

        var seated = await Task.WhenAll(racers.Select(r => Task.Run(() => _store.TakeSeatAsync(session.Id, asInterviewer: true, r, hostSeat: null, Ct), Ct)));
        var winner = racers[Array.IndexOf(seated, true)];
        var otherSeatBySame = await _store.TakeSeatAsync(session.Id, asInterviewer: false, winner, hostSeat: null, Ct);

        Assert.Equal(1, seated.Count(s => s));
        Assert.False(otherSeatBySame);
        Assert.Equal(winner, (await _store.FindSessionAsync(session.Id, Ct))!.InterviewerId);
    }

    [Fact]
    public async Task A_round_starts_once_however_many_clicks_race_for_it_and_its_timer_marks_add_up()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var bob = await _db.AddLearnerAsync("bob");
        var session = await LobbyAsync(ada);

        var started = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(
            async () =>
            {
                var copy = (await _store.FindSessionAsync(session.Id, Ct))!;
                return await _store.ActivateRoundAsync(copy, 1, bob, ada, $"card-{i}", Now, Now.AddMinutes(30), Ct);
            },
            Ct)));
        await _store.SetThreadAsync(session.Id, "thread", Ct);
        await _store.MarkPostedAsync(session.Id, 1, MockTimerMark.TenMinutesLeft, Ct);
        await _store.MarkPostedAsync(session.Id, 1, MockTimerMark.FiveMinutesLeft, Ct);
        var ended = new[] { await _store.EndRoundAsync(session.Id, 1, Now.AddHours(1), Ct), await _store.EndRoundAsync(session.Id, 1, Now.AddHours(1), Ct) };

        var row = (await _store.FindSessionAsync(session.Id, Ct))!;
        Assert.Equal(1, started.Count(s => s));
        Assert.Equal([true, false], ended);
        Assert.Equal((MockState.Feedback, 3, row.CardId), (row.State, row.PostedMarks, row.FirstCardId));
        Assert.Equal([(MockState.Feedback, "thread")], (await _store.OpenSessionsAsync(Ct)).Select(s => (s.State, s.ThreadId!)));
        Assert.Equal([ada], await _store.PartnersSinceAsync(bob, Now.AddDays(-1), Ct));
    }

    [Fact]
    public async Task A_second_feedback_of_the_same_author_and_round_is_refused_and_the_first_counts()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var bob = await _db.AddLearnerAsync("bob");
        var session = await LobbyAsync(ada);
        MockFeedback Feedback(int score) => new()
        {
            SessionId = session.Id,
            Round = 1,
            FromLearnerId = ada,
            ToLearnerId = bob,
            CardId = "c",
            Score1 = score,
            Score2 = score,
            Score3 = score,
            Score4 = score,
            CreatedAt = Now,
        };

        var saved = new[] { await _store.SaveFeedbackAsync(Feedback(4), Ct), await _store.SaveFeedbackAsync(Feedback(1), Ct) };

        Assert.Equal([true, false], saved);
        Assert.Equal(4, Assert.Single(await _store.RoundFeedbacksAsync(session.Id, 1, bob, Ct)).Score1);
        Assert.True(await _store.HasSentFeedbackAsync(session.Id, 1, ada, Ct));
        Assert.Equal([ada], await _store.FeedbackSendersAsync(session.Id, 1, Ct));
    }

    [Fact]
    public async Task Reminders_of_a_scheduled_session_racing_open_one_lobby()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var scheduled = new MockScheduledSession { GuildId = Guild, ChannelId = "1", Kind = MockKind.Sql, StartsAt = Now.AddMinutes(10), CreatedById = ada, CreatedAt = Now };
        await _store.AddScheduledAsync(scheduled, Ct);

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => _store.AddScheduledLobbyAsync(
                new MockSession { GuildId = Guild, ChannelId = "1", Kind = MockKind.Sql, State = MockState.Lobby, HostId = ada, ScheduledSessionId = scheduled.Id, CreatedAt = Now },
                Ct),
            Ct)));

        Assert.Equal(1, opened.Count(o => o));
        Assert.NotNull(await _store.ScheduledLobbyAsync(scheduled.Id, Ct));
        Assert.Single(await _store.OpenSessionsAsync(Ct));
    }

    [Fact]
    public async Task A_learner_who_leaves_every_queue_is_no_longer_waiting_and_a_lapsed_place_is_replaced_in_one_write()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var bob = await _db.AddLearnerAsync("bob");
        var lapsed = await QueueAsync(ada);
        await QueueAsync(bob);

        var fresh = new MockQueueEntry { GuildId = Guild, ChannelId = "2", LearnerId = ada, Kind = MockKind.Sql, JoinedAt = Now.AddHours(1), ExpiresAt = Now.AddHours(2) };
        await _store.EnqueueAsync(fresh, replacing: lapsed, Ct);
        var waitingForBob = await _store.WaitingAsync(Guild, MockKind.Sql, bob, Ct);
        await _store.LeaveQueuesAsync([ada, bob], Ct);

        Assert.Equal([fresh.Id], waitingForBob.Select(q => q.Id));
        Assert.Empty(await _store.QueueEntriesAsync(Ct));
    }
}

public sealed class SqliteMockStoreTests() : MockStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresMockStoreTests(PostgresServer server) : MockStoreTests(TestEngine.Postgres, server);
