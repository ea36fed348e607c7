using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Features.Daily;
using PrepBot.Tests.Data.Postgres;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary>The daily question's claim and a server's set-up, on both engines: a day is claimed once however many runs race for it.</summary>
public abstract class DailyStoreTests(TestEngine engine, PostgresServer? server) : IAsyncLifetime
{
    private const string Guild = "123456789012345678";
    private static readonly DateOnly Day = new(2026, 3, 11);
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private DailyStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(engine, server);
        _store = new DailyStore(_db.Factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DailyPost Post(string cardId) => new()
    {
        GuildId = Guild,
        LocalDate = Day,
        CardId = cardId,
        ChannelId = "42",
        Nonce = "dq-test",
        State = DailyPostState.Claimed,
        ClaimedAt = Now,
    };

    [Fact]
    public async Task Runs_racing_for_a_servers_day_are_answered_with_one_claim_which_exactly_one_of_them_won()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => _store.ClaimAsync(Post($"card-{i}"), Ct), Ct)));

        var winner = Assert.Single(claims, c => c.Won);
        Assert.All(claims, c => Assert.Equal((winner.Post.Id, winner.Post.CardId), (c.Post.Id, c.Post.CardId)));
        await using var db = await _db.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.DailyPosts.CountAsync(Ct));
    }

    [Fact]
    public async Task A_claimed_day_is_found_by_server_and_day_and_goes_through_posted_and_revealed()
    {
        var claim = await _store.ClaimAsync(Post("card-1"), Ct);

        await _store.MarkPostedAsync(claim.Post.Id, "555", Now.AddSeconds(1), Ct);
        await _store.MarkPostedAsync(claim.Post.Id, "666", Now.AddSeconds(2), Ct); // posted once: the second mark changes nothing
        await _store.MarkRevealedAsync(claim.Post.Id, Now.AddDays(1), Ct);
        var post = await _store.GetPostAsync(Guild, Day, Ct);

        Assert.True(claim.Won);
        Assert.Equal((DailyPostState.Revealed, "555", Now.AddSeconds(1)), (post!.State, post.MessageId, post.PostedAt));
        Assert.Equal(post.Id, (await _store.GetLatestBeforeAsync(Guild, Day.AddDays(1), Ct))!.Id);
        Assert.Equal(Day, (await _store.GetCardHistoryAsync(Guild, Ct))["card-1"]);
    }

    [Fact]
    public async Task Changes_of_a_new_servers_set_up_at_the_same_time_make_one_row_holding_both()
    {
        await Task.WhenAll(
            Task.Run(() => _store.UpdateSettingsAsync(Guild, "1", Now, s => s.ChannelId = "42", Ct), Ct),
            Task.Run(() => _store.UpdateSettingsAsync(Guild, "2", Now, s => s.TimeZoneId = "Europe/London", Ct), Ct),
            Task.Run(() => _store.UpdateSettingsAsync(Guild, "3", Now, s => s.PostTime = new TimeOnly(9, 30), Ct), Ct));

        var settings = await _store.GetSettingsAsync(Guild, Ct);
        Assert.Equal(("42", "Europe/London", new TimeOnly(9, 30)), (settings!.ChannelId, settings.TimeZoneId, settings.PostTime));
        Assert.Equal([Guild], (await _store.GetScheduledAsync(Ct)).Select(s => s.GuildId));
    }

    [Fact]
    public void A_servers_lock_key_is_its_id_or_the_same_hash_of_any_other_id()
    {
        Assert.Equal(123456789012345678L, DailyStore.GuildKey(Guild));
        Assert.Equal(DailyStore.GuildKey("terminal"), DailyStore.GuildKey("terminal"));
        Assert.NotEqual(DailyStore.GuildKey("terminal"), DailyStore.GuildKey("terminal2"));
    }
}

public sealed class SqliteDailyStoreTests() : DailyStoreTests(TestEngine.Sqlite, null);

[Collection(PostgresTestGroup.Name)]
public sealed class PostgresDailyStoreTests(PostgresServer server) : DailyStoreTests(TestEngine.Postgres, server);
