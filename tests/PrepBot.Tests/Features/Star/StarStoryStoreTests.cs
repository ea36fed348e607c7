using PrepBot.Data;
using PrepBot.Features.Star;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Star;

/// <summary>The story bank on both engines: a double submit saves one story, lists are newest first, only the learner's own.</summary>
public abstract class StarStoryStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 18, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private StarStoryStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new StarStoryStore(_db.Factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StarStory Story(long learnerId, string cardId, int minutes) => new()
    {
        LearnerId = learnerId,
        CardId = cardId,
        StateVersion = 1,
        PromptTitle = cardId,
        Competencies = "ownership",
        Situation = "s",
        Score = 3,
        CreatedAt = Now.AddMinutes(minutes),
    };

    [Fact]
    public async Task A_form_submitted_twice_saves_one_story()
    {
        var ada = await _db.AddLearnerAsync("ada");

        var saved = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _store.SaveAsync(Story(ada, "star-1", 0), Ct), Ct)));

        Assert.Equal(1, saved.Count(s => s));
        Assert.Equal(1, await _store.CountAsync(ada, Ct));
    }

    [Fact]
    public async Task Stories_are_listed_newest_first_and_found_and_deleted_only_by_their_owner()
    {
        var ada = await _db.AddLearnerAsync("ada");
        var bob = await _db.AddLearnerAsync("bob");
        var older = Story(ada, "star-1", 0);
        var newer = Story(ada, "star-2", 5);
        await _store.SaveAsync(older, Ct);
        await _store.SaveAsync(newer, Ct);

        var listed = await _store.ListAsync(ada, StarStoryStore.ListLimit, Ct);
        var foundByOther = await _store.FindAsync(bob, older.Id, Ct);
        var deletedByOther = await _store.DeleteAsync(bob, older.Id, Ct);
        var deleted = await _store.DeleteAsync(ada, older.Id, Ct);

        Assert.Equal(["star-2", "star-1"], listed.Select(s => s.CardId));
        Assert.Null(foundByOther);
        Assert.Equal((false, true), (deletedByOther, deleted));
        Assert.Equal(newer.Id, Assert.Single(await _store.ListAsync(ada, 10, Ct)).Id);
    }
}

public sealed class SqliteStarStoryStoreTests() : StarStoryStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresStarStoryStoreTests(PostgresServer server) : StarStoryStoreTests(TestEngine.Postgres, server);
