using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.Discord.Rest;
using PrepBot.FakeDiscord;

namespace PrepBot.Benchmarks;

/// <summary>
/// REST fan-out under Discord's global limit of 50 requests a second, against the loopback fake Discord (which
/// enforces that limit and answers 429 when it is broken). Minimums: 1,000 messages = 1,000 requests ≥ 20 s;
/// 1,000 DMs to new users = 1,000 "create DM" + 1,000 "create message" = 2,000 requests ≥ 40 s. The fake's
/// count of 429s it had to send is printed after each run (a polite client keeps it at 0).
/// Run: <c>dotnet run -c Release --project tests/PrepBot.Benchmarks -- --filter '*DiscordFanOut*'</c>
/// </summary>
[Config(typeof(SingleRunConfig))]
[SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class DiscordFanOutBenchmarks
{
    public const int Recipients = 1000;

    private FakeDiscordServer _fake = null!;
    private ServiceProvider _services = null!;
    private Snowflake[] _knownDmChannels = [];
    private ulong _nextUser = 1400000000000000000;

    [GlobalSetup]
    public void Setup()
    {
        _fake = new FakeDiscordServer(new FakeDiscordOptions { GlobalRequestsPerSecond = 50 });
        _fake.StartAsync().GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = _fake.Token,
            ["Discord:ApiBaseUrl"] = _fake.ApiBaseUrl.ToString(),
            ["Discord:GlobalRateLimitPerSecond"] = "50",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordClient(configuration);
        _services = services.BuildServiceProvider();
    }

    [IterationSetup(Target = nameof(MessagesToKnownDmChannels))]
    public void CreateDmChannels()
    {
        // As a bot that remembers its DM channels: the channels exist before the fan-out starts.
        var rest = _services.GetRequiredService<DiscordRestClient>();
        _knownDmChannels = Task.WhenAll(NewUsers().Select(u => rest.CreateDirectMessageChannelAsync(u)))
            .GetAwaiter().GetResult().Select(c => c.Id).ToArray();
        Thread.Sleep(TimeSpan.FromSeconds(1.1)); // let the global window empty, so the run starts from a clean second
    }

    [Benchmark(Description = "1,000 DMs to new users: create DM + create message (2,000 requests, ≥ 40 s at 50/s)")]
    public async Task DirectMessagesToNewUsers()
    {
        var rest = _services.GetRequiredService<DiscordRestClient>();
        await Task.WhenAll(NewUsers().Select(async user =>
        {
            var channel = await rest.CreateDirectMessageChannelAsync(user).ConfigureAwait(false);
            await rest.CreateMessageAsync(channel.Id, Reminder()).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }

    [Benchmark(Description = "1,000 DMs to known DM channels: create message (1,000 requests, ≥ 20 s at 50/s)")]
    public async Task MessagesToKnownDmChannels()
    {
        var rest = _services.GetRequiredService<DiscordRestClient>();
        await Task.WhenAll(_knownDmChannels.Select(channel => rest.CreateMessageAsync(channel, Reminder()))).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// Fake Discord: {_fake.AllMessages.Count} messages stored, {_fake.UnforcedRateLimitCount} 429(s) sent for limits the client broke.");
        foreach (var stats in _fake.AllRouteStats)
        {
            Console.WriteLine($"//   {stats}");
        }

        _services.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static MessageCreate Reminder() => new() { Content = "You have cards due for review.", AllowedMentions = AllowedMentions.None };

    private IEnumerable<Snowflake> NewUsers()
    {
        var first = _nextUser;
        _nextUser += Recipients;
        return Enumerable.Range(0, Recipients).Select(i => new Snowflake(first + (ulong)i));
    }

    /// <summary>One timed run per benchmark: a fan-out lasts tens of seconds, and its time is the measurement.</summary>
    public sealed class SingleRunConfig : ManualConfig
    {
        public SingleRunConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }
}
