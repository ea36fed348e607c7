using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PrepBot.FakeDiscord;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>A bare HttpClient speaking to the fake as a bot would: Bot token and a DiscordBot User-Agent.</summary>
internal sealed class RawRest : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FakeDiscordServer _server;

    public RawRest(FakeDiscordServer server, string? token = null)
    {
        _server = server;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org/prepbot, 0.1)");
        var bot = token ?? server.Token;
        if (bot.Length > 0)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", bot);
        }
    }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, $"{_server.ApiBaseUrl}/{path.TrimStart('/')}");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public void Dispose() => _http.Dispose();
}
