using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Mock;

/// <summary>Mock interview rows hang on learners: deleting a learner (what <c>/me forget</c> does) deletes them.</summary>
public abstract class MockDataTests(TestEngine engine, PostgresServer? server)
{
    [Fact]
    public async Task Deleting_a_learner_deletes_their_sessions_with_both_feedbacks_their_queue_place_and_their_schedules()
    {
        await using var database = await TestDatabase.CreateAsync(engine, server);
        var ada = await database.AddLearnerAsync("ada");
        var bob = await database.AddLearnerAsync("bob");
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await using (var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var shared = new MockSession { GuildId = "1", ChannelId = "2", HostId = ada, InterviewerId = bob, CandidateId = ada, State = MockState.Finished, CreatedAt = now };
            var bobsOwn = new MockSession { GuildId = "1", ChannelId = "2", HostId = bob, InterviewerId = bob, State = MockState.Lobby, CreatedAt = now };
            db.MockSessions.AddRange(shared, bobsOwn);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.MockFeedbacks.AddRange(
                new MockFeedback { SessionId = shared.Id, Round = 1, FromLearnerId = bob, ToLearnerId = ada, CardId = "c", Score1 = 3, Score2 = 3, Score3 = 3, Score4 = 3, CreatedAt = now },
                new MockFeedback { SessionId = shared.Id, Round = 1, FromLearnerId = ada, ToLearnerId = bob, CardId = "c", Score1 = 4, Score2 = 4, Score3 = 4, Score4 = 4, CreatedAt = now });
            db.MockQueueEntries.Add(new MockQueueEntry { GuildId = "1", ChannelId = "2", LearnerId = ada, JoinedAt = now, ExpiresAt = now.AddMinutes(30) });
            db.MockScheduledSessions.Add(new MockScheduledSession { GuildId = "1", ChannelId = "2", StartsAt = now.AddDays(1), CreatedById = ada, CreatedAt = now });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.Learners.Where(l => l.Id == ada).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        await using var check = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var left = Assert.Single(await check.MockSessions.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(bob, left.HostId);
        Assert.Empty(await check.MockFeedbacks.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await check.MockQueueEntries.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await check.MockScheduledSessions.ToListAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteMockDataTests() : MockDataTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresMockDataTests(PostgresServer server) : MockDataTests(TestEngine.Postgres, server);
