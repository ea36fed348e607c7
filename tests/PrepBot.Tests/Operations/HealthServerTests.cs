using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrepBot.Discord;
using PrepBot.Discord.Gateway;
using PrepBot.FakeDiscord;
using PrepBot.Hosting;
using PrepBot.Operations;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Operations;

/// <summary><c>/healthz</c> and <c>/readyz</c> over real loopback HTTP, with the bot connected to the fake Discord.</summary>
public sealed class HealthServerTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-health-");
    private readonly FakeDiscordServer _discord = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async ValueTask InitializeAsync() => await _discord.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private string DatabasePath => Path.Combine(_data.FullName, "bot.db");

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(DiscordBotHarness bot, string path)
    {
        var address = bot.Services.GetRequiredService<HealthServer>().Addresses[0];
        using var response = await _http.GetAsync(new Uri(address, path), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task Healthz_and_readyz_are_healthy_once_the_bot_is_connected()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await using var bot = await DiscordBotHarness.StartWithOperationsAsync(_discord, _content.ContentDirectory, DatabasePath, configure: null);

        var (liveStatus, live) = await GetAsync(bot, "/healthz");
        var (readyStatus, ready) = await GetAsync(bot, "/readyz");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(0, ready.GetProperty("failed").GetArrayLength());
        string[] checks = ["gateway", "database", "scheduler", "content"];
        Assert.Equal(checks.Order(), ready.GetProperty("checks").EnumerateObject().Select(check => check.Name).Order());
    }

    [Fact]
    public async Task Readyz_without_cards_is_503_and_names_the_content_check()
    {
        await using var bot = await DiscordBotHarness.StartWithOperationsAsync(_discord, _content.ContentDirectory, DatabasePath, configure: null);

        var (status, ready) = await GetAsync(bot, "/readyz");
        var (liveStatus, _) = await GetAsync(bot, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("content", ready.GetProperty("failed").EnumerateArray().Select(name => name.GetString()));
        Assert.Contains("no cards loaded", ready.GetProperty("checks").GetProperty("content").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task The_gateway_check_fails_before_any_shard_started()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDiscordClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = _discord.Token,
                ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.ToString(),
            }).Build())
            .BuildServiceProvider();
        var check = new GatewayHealthCheck(services.GetRequiredService<DiscordGatewayClient>());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("no gateway shard started yet", result.Description);
    }

    [Fact]
    public async Task A_health_url_that_cannot_be_bound_is_one_configuration_error_and_exit_2()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(
            [
                $"--Discord:Token={_discord.Token}",
                $"--Discord:ApiBaseUrl={_discord.ApiBaseUrl}",
                $"--Data:DatabasePath={DatabasePath}",
                $"--Content:Directory={_content.ContentDirectory}",
                "--Content:WatchForChanges=false",
                $"--Health:Urls=http://127.0.0.1:{port}",
            ],
            output: output,
            error: error).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Configuration error: Health:Urls: cannot listen on 'http://127.0.0.1:{port}'", line, StringComparison.Ordinal);
        Assert.Equal(0, _discord.IdentifyCount);
    }

    [Fact]
    public async Task A_health_url_that_is_not_an_http_address_is_refused_naming_the_key()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PrepBotApp.RunAsync(
            [
                $"--Discord:Token={_discord.Token}",
                $"--Discord:ApiBaseUrl={_discord.ApiBaseUrl}",
                $"--Data:DatabasePath={DatabasePath}",
                $"--Content:Directory={_content.ContentDirectory}",
                "--Health:Urls=https://0.0.0.0:9464/health",
            ],
            output: output,
            error: error).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(PrepBotApp.ExitBadConfiguration, exit);
        Assert.StartsWith("Configuration error: Health:Urls: 'https://0.0.0.0:9464/health' is not an address to listen on", error.ToString(), StringComparison.Ordinal);
    }
}
