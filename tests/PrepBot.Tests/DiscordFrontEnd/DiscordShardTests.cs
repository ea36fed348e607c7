using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>
/// Shards split over processes: two bot hosts on one fake Discord, one with <c>Discord:ShardIds=0</c>, one with <c>1</c>, of
/// <c>Discord:ShardCount=2</c>. Each gets the guilds of its shard, <c>(guild_id &gt;&gt; 22) % 2</c>, and answers their
/// interactions; the other never sees them. (Each host keeps its own SQLite file here, so the file shows who answered.)
/// </summary>
public sealed class DiscordShardTests : IAsyncLifetime
{
    /// <summary>On shard 0 of 2: (id &gt;&gt; 22) is even.</summary>
    private static readonly FakeGuild EvenGuild = new("1200000000004194305", "Shard zero guild", [new FakeChannel("1200000000004194306", "general")]);

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-shards-");
    private readonly FakeDiscordServer _discord;

    public DiscordShardTests()
    {
        var options = new FakeDiscordOptions();
        options.Guilds.Add(EvenGuild);
        _discord = new FakeDiscordServer(options);
    }

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Interactions_for_a_guild_are_answered_by_the_process_holding_its_shard()
    {
        var oddGuild = FakeGuild.Default;
        Assert.Equal((0, 1), (FakeDiscordServer.ShardForGuild(EvenGuild.Id, 2), FakeDiscordServer.ShardForGuild(oddGuild.Id, 2)));
        await using var zero = await StartAsync("zero", shardId: 0);
        await using var one = await StartAsync("one", shardId: 1);

        var identified = _discord.Identifies.Select(i => (i.ShardId, i.ShardCount)).Order().ToList();
        Assert.Equal([(0, 2), (1, 2)], identified);

        var onEven = await zero.SendAsync(FakeInteraction.SlashCommand("quiz").InChannel(EvenGuild.Id, EvenGuild.DefaultChannel.Id) with { User = new FakeUser("1300000000000000010", "even") });
        var onOdd = await one.SendAsync(FakeInteraction.SlashCommand("quiz").InChannel(oddGuild.Id, oddGuild.DefaultChannel.Id) with { User = new FakeUser("1300000000000000011", "odd") });

        Assert.Equal((0, 1), (onEven.Interaction.ShardId, onOdd.Interaction.ShardId));
        Assert.Equal(["1300000000000000010"], await LearnersAsync(zero));
        Assert.Equal(["1300000000000000011"], await LearnersAsync(one));
    }

    private Task<DiscordBotHarness> StartAsync(string name, int shardId) =>
        DiscordBotHarness.StartAsync(
            _discord,
            _content.ContentDirectory,
            Path.Combine(_data.FullName, name + ".db"),
            "--Discord:ShardCount=2",
            $"--Discord:ShardIds={shardId}");

    private static async Task<List<string>> LearnersAsync(DiscordBotHarness bot)
    {
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Learners.Select(l => l.PlatformUserId).OrderBy(id => id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
