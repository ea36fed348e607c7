using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;

namespace PrepBot.Discord.Tests.FakeServer;

/// <summary>The fake reads multipart uploads as Discord does: payload_json, files[n], and the attachments array naming them.</summary>
public sealed class FakeUploadTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeDiscordServer _server;
    private RawRest _rest = null!;
    private RawGateway _gateway = null!;

    public FakeUploadTests() => _server = new FakeDiscordServer(new FakeDiscordOptions { TimeProvider = _time });

    public async ValueTask InitializeAsync()
    {
        await _server.StartAsync();
        _rest = new RawRest(_server);
        (_gateway, _) = await RawGateway.IdentifiedAsync(_server, intents: 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _rest.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Multipart_callback_attaches_the_named_file_with_its_description_and_bytes()
    {
        var interaction = await DispatchAsync();
        var payload = Callback(new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = "heatmap.png", ["description"] = "12 weeks" }));

        var response = await _rest.Http.SendAsync(Multipart($"interactions/{interaction.Id}/{interaction.Token}/callback", payload, ("files[0]", "upload.bin", "hello"u8.ToArray())), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var attachment = Assert.Single(_server.GetOriginalResponse(interaction.Id)!.Attachments);
        Assert.Equal(("heatmap.png", "12 weeks", 5L), (attachment.Filename, attachment.Description, attachment.Size));
        Assert.Equal("hello"u8.ToArray(), attachment.Content.ToArray());
    }

    [Fact]
    public async Task Attachment_entry_without_its_file_part_is_refused_with_50035()
    {
        var interaction = await DispatchAsync();
        var payload = Callback(new JsonArray(new JsonObject { ["id"] = 1, ["filename"] = "missing.png" }));

        var response = await _rest.Http.SendAsync(Multipart($"interactions/{interaction.Id}/{interaction.Token}/callback", payload, ("files[0]", "a.png", [1, 2, 3])), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await RawRest.BodyAsync(response);
        Assert.Equal(50035, (int)body["code"]!);
        Assert.Equal("ATTACHMENT_NOT_FOUND", (string?)body["errors"]!["data"]!["attachments"]!["0"]!["_errors"]![0]!["code"]);
        Assert.Null(_server.GetInteractionResponse(interaction.Id));
    }

    [Fact]
    public async Task Files_without_an_attachments_array_are_all_attached()
    {
        var interaction = await DispatchAsync();

        var response = await _rest.Http.SendAsync(Multipart($"interactions/{interaction.Id}/{interaction.Token}/callback", Callback(null), ("files[0]", "a.png", [1]), ("files[1]", "b.png", [2, 2])), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["a.png", "b.png"], _server.GetOriginalResponse(interaction.Id)!.Attachments.Select(a => a.Filename));
    }

    private async Task<PrepBot.FakeDiscord.Recording.DispatchedInteraction> DispatchAsync()
    {
        var interaction = await _server.DispatchInteractionAsync(FakeInteraction.SlashCommand("stats"));
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        return interaction;
    }

    private static JsonObject Callback(JsonArray? attachments)
    {
        var data = new JsonObject { ["content"] = "Your stats", ["flags"] = 64 };
        if (attachments is not null)
        {
            data["attachments"] = attachments;
        }

        return new JsonObject { ["type"] = 4, ["data"] = data };
    }

    private HttpRequestMessage Multipart(string path, JsonObject payload, params (string Name, string Filename, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), "payload_json" } };
        foreach (var (name, filename, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, name, filename);
        }

        return new HttpRequestMessage(HttpMethod.Post, $"{_server.ApiBaseUrl}/{path}") { Content = form };
    }
}
