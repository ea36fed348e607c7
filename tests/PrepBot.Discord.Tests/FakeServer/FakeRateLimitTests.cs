using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Limits;
using PrepBot.FakeDiscord.Rest;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>Rate-limit headers on every response, bucket and global 429s, and the 429/5xx a test forces.</summary>
public sealed class FakeRateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeDiscordServer _server;
    private RawRest _rest = null!;

    public FakeRateLimitTests() => _server = new FakeDiscordServer(new FakeDiscordOptions { TimeProvider = _time });

    private static string Channel => FakeGuild.Default.DefaultChannel.Id;

    public async ValueTask InitializeAsync()
    {
        await _server.StartAsync();
        _rest = new RawRest(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _rest.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Every_response_carries_the_bucket_headers()
    {
        _server.SetRouteLimit(FakeRoutes.CreateMessage, 5, TimeSpan.FromSeconds(5));

        var response = await Post("one");

        Assert.Equal("5", Header(response, "X-RateLimit-Limit"));
        Assert.Equal("4", Header(response, "X-RateLimit-Remaining"));
        Assert.Equal("5.000", Header(response, "X-RateLimit-Reset-After"));
        Assert.Equal((_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + 5).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-RateLimit-Reset"));
        Assert.NotEmpty(Header(response, "X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task Exhausted_bucket_answers_429_until_the_window_resets()
    {
        _server.SetRouteLimit(FakeRoutes.CreateMessage, 2, TimeSpan.FromSeconds(5));
        await Post("1");
        await Post("2");

        var limited = await Post("3");
        _time.Advance(TimeSpan.FromSeconds(5));
        var afterReset = await Post("3 again");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("user", Header(limited, "X-RateLimit-Scope"));
        var body = await RawRest.BodyAsync(limited);
        Assert.Equal(5.0, (double)body["retry_after"]!);
        Assert.False((bool)body["global"]!);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal(1, _server.UnforcedRateLimitCount);
    }

    [Fact]
    public async Task Buckets_are_per_channel()
    {
        _server.SetRouteLimit(FakeRoutes.CreateMessage, 1, TimeSpan.FromSeconds(5));
        var dm = await RawRest.BodyAsync(await _rest.PostAsync("users/@me/channels", new JsonObject { ["recipient_id"] = FakeUser.DefaultLearner.Id }));

        var first = await Post("guild channel");
        var other = await _rest.PostAsync($"channels/{dm["id"]}/messages", new JsonObject { ["content"] = "dm" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Fifty_first_request_in_a_second_hits_the_global_limit()
    {
        for (var i = 0; i < 50; i++)
        {
            await _rest.SendAsync(HttpMethod.Get, "users/@me");
        }

        var limited = await _rest.SendAsync(HttpMethod.Get, "users/@me");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("true", Header(limited, "X-RateLimit-Global"));
        Assert.Equal("global", Header(limited, "X-RateLimit-Scope"));
        Assert.True((bool)(await RawRest.BodyAsync(limited))["global"]!);
    }

    [Fact]
    public async Task Interaction_routes_are_exempt_from_the_global_limit()
    {
        for (var i = 0; i < 50; i++)
        {
            await _rest.SendAsync(HttpMethod.Get, "users/@me");
        }

        var callback = await _rest.PostAsync("interactions/1/unknown-token/callback", new JsonObject { ["type"] = 4 });

        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
    }

    [Fact]
    public async Task Forced_429_storm_answers_that_many_429s_then_lets_requests_through()
    {
        _server.ForceRateLimits(FakeRoutes.CreateMessage, 3, TimeSpan.FromMilliseconds(250));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Post("daily question")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal(new RouteStats(FakeRoutes.CreateMessage, 4, 0, 3, 0), _server.GetRouteStats(FakeRoutes.CreateMessage));
        Assert.Single(_server.GetMessages(Channel));
    }

    [Fact]
    public async Task Forced_429_carries_retry_after_in_body_and_header()
    {
        _server.ForceRateLimits(FakeRoutes.CreateMessage, 1, TimeSpan.FromSeconds(1.5));

        var limited = await Post("q");

        Assert.Equal(1.5, (double)(await RawRest.BodyAsync(limited))["retry_after"]!);
        Assert.Equal("2", Header(limited, "Retry-After"));
        Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Forced_server_errors_are_counted_and_then_stop()
    {
        _server.ForceServerErrors(FakeRoutes.CreateMessage, 2, status: 503);

        var first = await Post("a");
        var second = await Post("a");
        var third = await Post("a");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Equal(2, _server.GetRouteStats(FakeRoutes.CreateMessage).ForcedServerErrors);
    }

    private Task<HttpResponseMessage> Post(string content) =>
        _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = content });

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
