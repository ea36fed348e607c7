using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>The /_fake control API a person uses with curl during a manual run.</summary>
public sealed class FakeControlApiTests : IAsyncLifetime
{
    private readonly FakeDiscordServer _server = new();
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => await _server.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Slash_command_without_a_connected_bot_is_refused_with_the_reason()
    {
        var response = await PostControlAsync("interactions", new JsonObject { ["command"] = "quiz" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("No gateway session", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slash_command_reports_the_bots_answer_and_messages_lists_it()
    {
        var (gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
        await using var _ = gateway;
        using var rest = new RawRest(_server);

        var control = PostControlAsync("interactions", new JsonObject { ["command"] = "quiz", ["options"] = new JsonObject { ["topic"] = "sql" } });
        var d = (await gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        await rest.PostAsync($"interactions/{d["id"]}/{d["token"]}/callback", new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Q1" } });
        var outcome = JsonNode.Parse(await (await control).Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var messages = JsonNode.Parse(await _http.GetStringAsync(new Uri(_server.BaseUrl, "_fake/messages"), TestContext.Current.CancellationToken))!;

        Assert.Equal(4, (int)outcome["response"]!["type"]!);
        Assert.Equal("Q1", (string?)outcome["original"]!["content"]);
        Assert.Equal("Q1", (string?)messages[0]!["content"]);
    }

    private Task<HttpResponseMessage> PostControlAsync(string path, JsonNode body) =>
        _http.PostAsync(new Uri(_server.BaseUrl, $"_fake/{path}"), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
