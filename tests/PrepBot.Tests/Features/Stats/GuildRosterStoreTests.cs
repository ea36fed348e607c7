using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Stats;
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
}

public sealed class SqliteGuildRosterStoreTests() : GuildRosterStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresGuildRosterStoreTests(PostgresServer server) : GuildRosterStoreTests(TestEngine.Postgres, server);
