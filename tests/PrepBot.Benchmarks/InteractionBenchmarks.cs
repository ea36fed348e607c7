using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;
using PrepBot.DiscordFrontEnd;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Hosting;
using PrepBot.Scheduling;

namespace PrepBot.Benchmarks;

/// <summary>
/// Interaction round trip through the whole bot, bot and fake Discord in one process on loopback: each round trip is
/// timed from the fake queuing INTERACTION_CREATE on the gateway to the bot's callback being recorded by the fake
/// (gateway frame, JSON, router, SQLite, rendering, REST callback, and the fake's own handling).
/// <list type="bullet">
/// <item><c>Session</c>: <see cref="Learners"/> learners studying at once, each running <c>/quiz</c> every
/// <see cref="ThinkTime"/> on average (exponential gaps, about 100 interactions a second in all), for 10 s.</item>
/// <item><c>Burst</c>: all <see cref="Learners"/> learners press at the same instant (the worst case).</item>
/// </list>
/// BenchmarkDotNet times each operation; the per-interaction percentiles are printed at the end of each run
/// (lines starting <c>// Interaction round trip</c>).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the fake and the bot.
public class InteractionBenchmarks
#pragma warning restore CA1001
{
    public const int Learners = 200;

    public static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan SessionLength = TimeSpan.FromSeconds(10);

    private readonly List<double> _milliseconds = [];
    private FakeDiscordServer _discord = null!;
    private IHost _bot = null!;
    private DirectoryInfo _folder = null!;
    private FakeUser[] _users = [];

    [GlobalSetup]
    public void Setup()
    {
        SetupAsync().GetAwaiter().GetResult();

        // Every learner enrolled once before measuring, as in a cohort that has been using the bot.
        BurstAsync().GetAwaiter().GetResult();
        _milliseconds.Clear();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bot.StopAsync().GetAwaiter().GetResult();
        _bot.Dispose();
        _discord.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _folder.Delete(recursive: true);
        _milliseconds.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Interaction round trip over {_milliseconds.Count} interactions ({Learners} concurrent learners): p50 {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {_milliseconds[^1]:0.00} ms"));
    }

    [Benchmark(Description = "200 learners studying, /quiz every 2 s each, 10 s")]
    public void Session() => SessionAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "200 learners press /quiz at the same instant")]
    public void Burst() => BurstAsync().GetAwaiter().GetResult();

    private async Task SessionAsync()
    {
        var end = Stopwatch.GetTimestamp() + (long)(SessionLength.TotalSeconds * Stopwatch.Frequency);
        var perLearner = await Task.WhenAll(_users.Select(async (user, i) =>
        {
            var random = new Random(i);
            var timings = new List<double>();
            while (true)
            {
                var gap = -Math.Log(1 - random.NextDouble()) * ThinkTime.TotalMilliseconds;
                await Task.Delay(TimeSpan.FromMilliseconds(gap));
                if (Stopwatch.GetTimestamp() >= end)
                {
                    return timings;
                }

                timings.Add(await RoundTripAsync(user));
            }
        }));
        lock (_milliseconds)
        {
            _milliseconds.AddRange(perLearner.SelectMany(t => t));
        }
    }

    private async Task BurstAsync()
    {
        var timings = await Task.WhenAll(_users.Select(RoundTripAsync));
        lock (_milliseconds)
        {
            _milliseconds.AddRange(timings);
        }
    }

    private async Task<double> RoundTripAsync(FakeUser user)
    {
        var started = Stopwatch.GetTimestamp();
        var dispatched = await _discord.DispatchInteractionAsync(FakeInteraction.SlashCommand("quiz").By(user));
        await _discord.WaitForInteractionResponseAsync(dispatched.Id, TimeSpan.FromSeconds(10));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("prepbot-bench-interactions-");
        var content = Directory.CreateDirectory(Path.Combine(_folder.FullName, "content", "concept"));
        for (var i = 0; i < 50; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(content.FullName, $"card-{i}.md"), string.Create(CultureInfo.InvariantCulture, $"""
                ---
                id: concept-bench-{i}
                kind: concept
                topic: data-landscape
                week: 1
                difficulty: easy
                ---

                ## Question

                Benchmark question {i}: which workload is a columnar warehouse built for?

                ## Choices

                - [ ] Single-row updates
                - [x] Scans over a few columns of many rows
                - [ ] Point look-ups by key

                ## Explanation

                Column stores read only the columns a query touches.
                """));
        }

        _discord = new FakeDiscordServer(new FakeDiscordOptions { GlobalRequestsPerSecond = 10_000 });
        await _discord.StartAsync();
        _users = [.. Enumerable.Range(0, Learners).Select(i => new FakeUser((1_400_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture), $"learner{i}"))];
        var builder = PrepBotHost.CreateBuilder(
        [
            $"--Discord:Token={_discord.Token}",
            $"--Discord:ApiBaseUrl={_discord.ApiBaseUrl}",
            $"--Data:DatabasePath={Path.Combine(_folder.FullName, "bench.db")}",
            $"--Content:Directory={Path.Combine(_folder.FullName, "content")}",
            "--Content:WatchForChanges=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        builder.Services.AddPrepBotScheduling();
        builder.Services.AddDiscordTransport(builder.Configuration);
        ConfigureBot(builder);
        _bot = builder.Build();
        await _bot.StartAsync();
        await _discord.WaitForReadyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Lets a derived benchmark add to the bot before it is built (e.g. its health and metrics listener).</summary>
    protected virtual void ConfigureBot(HostApplicationBuilder builder)
    {
    }

    private double Percentile(double p) => _milliseconds[Math.Clamp((int)Math.Ceiling(p * _milliseconds.Count) - 1, 0, _milliseconds.Count - 1)];
}
