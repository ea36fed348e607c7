using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Discord.Gateway;
using PrepBot.Discord.Rest;
using PrepBot.FakeDiscord;

namespace PrepBot.Discord.Tests.Support;

/// <summary>
/// The client as the bot builds it (<c>AddDiscordClient</c>), pointed at a freshly started loopback fake Discord,
/// with every log line captured. Give it a <see cref="FakeTimeProvider"/> to drive the client's clock (heartbeats,
/// backoff, waits); the fake keeps real time.
/// </summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private Task? _gatewayRun;

    private DiscordHarness(FakeDiscordServer fake, ServiceProvider services, InMemoryLoggerProvider logs, TimeProvider time)
    {
        Fake = fake;
        _services = services;
        Logs = logs;
        Time = time;
    }

    public FakeDiscordServer Fake { get; }

    public InMemoryLoggerProvider Logs { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => Time as FakeTimeProvider ?? throw new InvalidOperationException("This harness runs on the system clock.");

    /// <summary>A typed client as DI hands it out (a new one each time, sharing the rate limiter).</summary>
    public DiscordRestClient Rest => _services.GetRequiredService<DiscordRestClient>();

    public DiscordRateLimiter RateLimiter => _services.GetRequiredService<DiscordRateLimiter>();

    public DiscordGatewayClient Gateway => _services.GetRequiredService<DiscordGatewayClient>();

    public Task GatewayRun => _gatewayRun ?? throw new InvalidOperationException("Call StartGateway first.");

    public static async Task<DiscordHarness> StartAsync(
        Action<FakeDiscordOptions>? fake = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var fakeOptions = new FakeDiscordOptions();
        fake?.Invoke(fakeOptions);
        var server = new FakeDiscordServer(fakeOptions);
        await server.StartAsync();

        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl.ToString(),
            ["Discord:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new InMemoryLoggerProvider();
        var services = new ServiceCollection();
        time ??= TimeProvider.System;
        services.AddSingleton(time);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddDiscordClient(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new DiscordHarness(server, provider, logs, time);
    }

    /// <summary>Runs the gateway client in the background until the harness is disposed.</summary>
    public void StartGateway() => _gatewayRun = Task.Run(() => Gateway.RunAsync(_stop.Token));

    /// <summary>
    /// Advances the fake clock a step at a time until <paramref name="condition"/> (about what the fake Discord has
    /// seen) holds, at most 10 s of real time. After each step it waits for the fake to record something — the
    /// client's reaction travels over a real socket — rather than sleeping a fixed time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, string description, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 10 s (real) for {description}; the client's clock is at {FakeTime.GetUtcNow():O}. Client log:\n{string.Join('\n', Logs.Lines.TakeLast(30))}");
            }

            FakeTime.Advance(step ?? TimeSpan.FromMilliseconds(500));
            try
            {
                await Fake.WaitUntilAsync(condition, description, TimeSpan.FromMilliseconds(100));
            }
            catch (TimeoutException)
            {
                // Nothing reached the fake within this step: advance the clock again.
            }
        }
    }

    public static string Id(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_gatewayRun is not null)
        {
            try
            {
                await _gatewayRun.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception) when (exception is OperationCanceledException or DiscordGatewayException or TimeoutException)
            {
                // Stopping, or the test already looked at the failure.
            }
        }

        await _services.DisposeAsync();
        await Fake.DisposeAsync();
        _stop.Dispose();
    }
}
