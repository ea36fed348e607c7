using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Stats;
using PrepBot.Learning;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Stats;

/// <summary>The server roster on both engines: a learner seen in a server is one row however often (and by however many processes) recorded.</summary>
public abstract class GuildRosterStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 18, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private GroupCommitWriter _writer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _writer = new GroupCommitWriter(_db.Factory, NullLogger<GroupCommitWriter>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_learner_recorded_by_two_processes_is_one_row_with_the_first_sighting()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var first = new GuildRosterStore(_writer, _time);
        var second = new GuildRosterStore(_writer, _time); // another process: its own memory of what it wrote

        await first.RecordAsync("900", ada, Ct);
        var firstSeen = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(second.RecordAsync("900", ada, Ct).AsTask(), second.RecordAsync("901", ada, Ct).AsTask(), first.RecordAsync("900", ada, Ct).AsTask());

        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        var rows = await db.GuildLearners.Where(g => g.LearnerId == ada).OrderBy(g => g.GuildId).ToListAsync(Ct);
        Assert.Equal(["900", "901"], rows.Select(r => r.GuildId));
        Assert.Equal(firstSeen, rows[0].FirstSeenAt);
    }

    [Fact]
    public async Task A_new_learner_goes_on_the_servers_roster_in_the_commit_that_enrols_them()
    {
        var learners = new LearnerStore(_db.Factory, _writer, _time);
        var roster = new GuildRosterStore(_writer, _time);
        var batches = _writer.Batches;

        var (ada, enrolled) = await learners.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", [roster.WithEnrolment("900")], Ct);
        await roster.RecordAsync("900", ada.Id, enrolled, Ct);
        var enrolledIn = _writer.Batches - batches;
        _time.Advance(TimeSpan.FromHours(1));
        var (again, enrolledAgain) = await learners.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", [roster.WithEnrolment("901")], Ct);
        await roster.RecordAsync("900", again.Id, enrolledAgain, Ct);

        Assert.True(enrolled);
        Assert.False(enrolledAgain);
        Assert.Equal(1, enrolledIn); // the learner and their roster row: one write, one commit
        Assert.Equal(1, _writer.Batches - batches); // the roster remembers the pair: nothing written on their next input
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        var row = Assert.Single(await db.GuildLearners.Where(g => g.LearnerId == ada.Id).ToListAsync(Ct)); // not 901: they were enrolled already
        Assert.Equal(("900", ada.CreatedAt), (row.GuildId, row.FirstSeenAt));
    }

    [Fact]
    public async Task An_enrolment_whose_roster_write_fails_stores_neither_and_the_next_input_enrols_them()
    {
        var learners = new LearnerStore(_db.Factory, _writer, _time);
        var roster = new GuildRosterStore(_writer, _time);
        var write = roster.WithEnrolment("900");
        EnrolmentWrite failing = async (batch, learnerId, ct) =>
        {
            await write(batch, learnerId, ct);
            throw new InvalidOperationException("The roster write failed after its insert.");
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => learners.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", [failing], Ct));
        await using (var db = await _db.Factory.CreateDbContextAsync(Ct))
        {
            Assert.Equal("The roster write failed after its insert.", error.Message);
            Assert.False(await db.Learners.AnyAsync(l => l.PlatformUserId == "77", Ct));
            Assert.False(await db.GuildLearners.AnyAsync(Ct));
        }

        var (ada, enrolled) = await learners.GetOrEnrolAsync(LearnerPlatforms.Discord, "77", "ada", "Etc/UTC", [write], Ct);

        Assert.True(enrolled);
        await using var after = await _db.Factory.CreateDbContextAsync(Ct);
        Assert.Equal("900", Assert.Single(await after.GuildLearners.Where(g => g.LearnerId == ada.Id).ToListAsync(Ct)).GuildId);
    }
}

public sealed class SqliteGuildRosterStoreTests() : GuildRosterStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresGuildRosterStoreTests(PostgresServer server) : GuildRosterStoreTests(TestEngine.Postgres, server);
