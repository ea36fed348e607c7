using PrepBot.Discord.Models;
using PrepBot.Discord.Rest;
using PrepBot.Discord.Tests.Support;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.Discord.Tests.Rest;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Snowflake Channel(DiscordHarness harness) => Snowflake.Parse(harness.Fake.Options.Guilds[0].DefaultChannel.Id);

    private static async Task PostAsync(DiscordHarness harness, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = $"message {i}" }, Ct)));

    [Fact]
    public async Task Bucket_limit_learned_from_headers_is_waited_out_without_a_429()
    {
        await using var harness = await DiscordHarness.StartAsync(fake: o => o.RouteLimits[FakeRoutes.CreateMessage] = new(2, TimeSpan.FromMilliseconds(300)));

        await PostAsync(harness, 7);

        Assert.Equal(7, harness.Fake.GetMessages(Channel(harness).ToString()).Count);
        Assert.Equal(0, harness.Fake.UnforcedRateLimitCount);
    }

    [Fact]
    public async Task Global_limit_is_kept_without_a_429()
    {
        await using var harness = await DiscordHarness.StartAsync(
            fake: o => o.GlobalRequestsPerSecond = 10,
            settings: new Dictionary<string, string?> { ["Discord:GlobalRateLimitPerSecond"] = "10" });

        var dms = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => harness.Rest.CreateDirectMessageChannelAsync(new Snowflake(1300000000000000100UL + (ulong)i), Ct)));

        Assert.Equal(25, dms.Select(d => d.Id).Distinct().Count());
        Assert.Equal(0, harness.Fake.UnforcedRateLimitCount);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("shared")]
    [InlineData("global")]
    public async Task Forced_429s_are_retried_after_retry_after_and_each_message_is_delivered_once(string scope)
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.Fake.ForceRateLimits(FakeRoutes.CreateMessage, 4, TimeSpan.FromMilliseconds(50), scope);

        await PostAsync(harness, 5);

        var messages = harness.Fake.GetMessages(Channel(harness).ToString());
        Assert.Equal(5, messages.Count);
        Assert.Equal(5, messages.Select(m => m.Content).Distinct().Count());
        Assert.Contains("rate-limited POST /channels/{channel_id}/messages", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_the_message_is_delivered_once()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.Fake.ForceServerErrors(FakeRoutes.CreateMessage, 2);

        await harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = "after two 502s" }, Ct);

        Assert.Single(harness.Fake.GetMessages(Channel(harness).ToString()));
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_the_configured_retries()
    {
        await using var harness = await DiscordHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:MaxRetries"] = "2" });
        harness.Fake.ForceServerErrors(FakeRoutes.CreateMessage, 10, 503);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = "x" }, Ct));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, harness.Fake.GetRouteStats(FakeRoutes.CreateMessage).Requests);
    }

    [Fact]
    public async Task Storm_of_429s_still_delivers_every_message_exactly_once()
    {
        await using var harness = await DiscordHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:MaxRetries"] = "10" });
        harness.Fake.ForceRateLimits(FakeRoutes.CreateMessage, 6, TimeSpan.FromMilliseconds(20));
        harness.Fake.ForceRateLimits(FakeRoutes.CreateMessage, 2, TimeSpan.FromMilliseconds(20), "global");

        await PostAsync(harness, 20);

        var messages = harness.Fake.GetMessages(Channel(harness).ToString());
        Assert.Equal(20, messages.Count);
        Assert.Equal(20, messages.Select(m => m.Nonce).Distinct().Count());
    }

    [Fact]
    public async Task Buckets_of_answered_interactions_are_dropped_so_a_long_running_bot_does_not_keep_one_per_interaction()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var limiter = harness.RateLimiter;
        var channel = Channel(harness);
        await harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = "kept" }, Ct);

        for (var i = 0; i < DiscordRateLimiter.PruneEvery; i++)
        {
            limiter.GetBucket(new DiscordRoute(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", "x", $"interaction-{i}", ExemptFromGlobalLimit: true));
        }

        Assert.True(limiter.BucketCount < 10, $"{limiter.BucketCount} buckets kept");
        await harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = "still delivered" }, Ct);
        Assert.Equal(2, harness.Fake.GetMessages(channel.ToString()).Count);
    }
}
