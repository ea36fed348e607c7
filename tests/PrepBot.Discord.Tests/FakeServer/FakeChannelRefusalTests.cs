using System.Net;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>A channel where the bot lacks permissions refuses its posts with Discord's 403 and code, until allowed again.</summary>
public sealed class FakeChannelRefusalTests : IAsyncLifetime
{
    private readonly FakeDiscordServer _server = new();
    private RawRest _rest = null!;

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

    [Theory]
    [InlineData(FakeDiscordServer.MissingPermissions, "Missing Permissions")]
    [InlineData(FakeDiscordServer.MissingAccess, "Missing Access")]
    public async Task A_post_in_a_refusing_channel_gets_403_with_the_code_and_is_not_recorded(int code, string message)
    {
        _server.RefusePostsIn(Channel, code);

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "daily question" });

        var body = await RawRest.BodyAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(code, (int)body["code"]!);
        Assert.Equal(message, (string?)body["message"]);
        Assert.Empty(_server.GetMessages(Channel));
    }

    [Fact]
    public async Task Posts_go_through_again_once_the_channel_is_allowed()
    {
        _server.RefusePostsIn(Channel);
        _server.AllowPostsIn(Channel);

        var response = await _rest.PostAsync($"channels/{Channel}/messages", new JsonObject { ["content"] = "daily question" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_server.GetMessages(Channel));
    }
}
