using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PrepBot.Benchmarks;

/// <summary>
/// The real setting of a burst (issue 17): the fake Discord and the bot each in their own process, the bot built in
/// Release, talking over loopback sockets as they would in production. For each <c>Data:Synchronous</c> level and burst
/// size: a fresh database and bot process, 20 warm-up <c>/quiz</c> interactions (one at a time, by learners of their own),
/// then N new learners' <c>/quiz</c> dispatched back to back on the gateway; latency is timed by the fake from dispatch
/// to the callback's arrival. After the first size, a steady 100 <c>/quiz</c> a second for 10 s by the learners of that
/// burst. Where the time goes: the fake's share (dispatch until the frame is written to the bot's socket), the bot's
/// own time per interaction (its <c>prepbot.interaction.duration</c> histogram, arrival to answer sent, read from
/// <c>/metrics</c>), and the rest (socket, gateway read and parse, queueing before the handler starts, the callback's trip).
/// <para>
/// <c>dotnet run -c Release --project tests/PrepBot.Benchmarks -- --burst 200,1000 [--synchronous Full,Normal]
/// [--bot path/to/PrepBot.dll or publish folder] [--steady 100] [--repeat 1] [--env NAME=value] [--profile-pause seconds] [--bot-log file]</c> (the bot's console log appended to a file, e.g. with
/// <c>--env PrepBot__Logging__LogLevel__Microsoft.EntityFrameworkCore.Query=Debug</c> to see which queries EF Core compiles). Without <c>--bot</c> it runs
/// <c>src/PrepBot/bin/Release/net10.0/PrepBot.dll</c>, which <c>dotnet run -c Release</c> of this project has just built.
/// </para>
/// </summary>
internal static partial class BurstRun
{
    private const int WarmUps = 20;
    private const long FirstUserId = 1_500_000_000_000_000_000L;
    private static readonly TimeSpan SteadyLength = TimeSpan.FromSeconds(10);

    /// <summary><c>--env NAME=value</c> (repeatable): set for the bot process, e.g. to try a runtime knob.</summary>
    private static readonly Dictionary<string, string> ExtraEnvironment = new(StringComparer.Ordinal);

    private static string? BotLog { get; set; }

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--burst", "200,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var levels = Option(args, "--synchronous", "Full,Normal").Split(',');
        var steady = double.Parse(Option(args, "--steady", "100"), CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat", "1"), CultureInfo.InvariantCulture);
        var pause = int.Parse(Option(args, "--profile-pause", "0"), CultureInfo.InvariantCulture);
        BotLog = Option(args, "--bot-log", string.Empty) is { Length: > 0 } logPath ? Path.GetFullPath(logPath) : null;
        if (pause > 0)
        {
            ExtraEnvironment["DOTNET_PerfMapEnabled"] = "1";
        }

        var root = RepositoryRoot();
        var bot = Option(args, "--bot", Path.Combine(root, "src", "PrepBot", "bin", "Release", "net10.0", "PrepBot.dll"));
        var fakeDll = Path.Combine(root, "tests", "PrepBot.FakeDiscord", "bin", "Release", "net10.0", "PrepBot.FakeDiscord.dll");
        var folder = Directory.CreateTempSubdirectory("prepbot-burst-");
        for (var i = Array.IndexOf(args, "--env"); i >= 0 && i + 1 < args.Length; i = Array.IndexOf(args, "--env", i + 1))
        {
            var pair = args[i + 1].Split('=', 2);
            ExtraEnvironment[pair[0]] = pair[1];
        }

        Console.WriteLine($"// bot: {bot}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        using var fake = await FakeProcess.StartAsync(fakeDll, folder.FullName);
        using var http = new HttpClient { BaseAddress = fake.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        var nextUser = FirstUserId;
        try
        {
            foreach (var level in levels)
            {
                for (var run = 0; run < repeat; run++)
                {
                    for (var s = 0; s < sizes.Length; s++)
                    {
                        var size = sizes[s];
                        await using var botProcess = await BotProcess.StartAsync(bot, root, fake, level, Path.Combine(folder.FullName, $"{level}-{size}-{run}"));
                        var ready = await WaitForBotAsync(http, botProcess);
                        for (var i = 0; i < WarmUps; i++)
                        {
                            await BurstAsync(http, nextUser++, count: 1, users: 1, perSecond: null);
                        }

                        // The first scrape compiles the exporter: not to be counted as the burst's JIT.
                        await botProcess.ScrapeAsync();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Synchronous={level}: bot ready (gateway session and /readyz) {ready.TotalSeconds:0.0} s after start"));

                        if (pause > 0)
                        {
                            // Time to attach a profiler: perf record -p <pid> (the bot runs with DOTNET_PerfMapEnabled=1 then).
                            Console.WriteLine($"// bot pid {botProcess.Id}: burst in {pause} s");
                            await Task.Delay(TimeSpan.FromSeconds(pause));
                        }

                        var before = await botProcess.ScrapeAsync();
                        var cpu = (Bot: botProcess.CpuTime, Fake: fake.CpuTime, Server: PostgresServerCpu());
                        var burst = await BurstAsync(http, nextUser, size, size, perSecond: null);
                        var used = (Bot: botProcess.CpuTime - cpu.Bot, Fake: fake.CpuTime - cpu.Fake, Server: PostgresServerCpu() - cpu.Server); // before the scrape's own CPU
                        var after = await botProcess.ScrapeAsync();
                        Report($"Synchronous={level} burst of {size} new learners", burst);
                        Breakdown(size, before, after, used.Bot, used.Fake, used.Server);
                        await CheckAnswersAsync(http, burst);
                        if (s == 0 && steady > 0)
                        {
                            before = after;
                            var count = (int)(steady * SteadyLength.TotalSeconds);
                            cpu = (botProcess.CpuTime, fake.CpuTime, PostgresServerCpu());
                            var session = await BurstAsync(http, nextUser, count, size, steady);
                            used = (botProcess.CpuTime - cpu.Bot, fake.CpuTime - cpu.Fake, PostgresServerCpu() - cpu.Server);
                            after = await botProcess.ScrapeAsync();
                            Report($"Synchronous={level} steady {steady:0}/s for {SteadyLength.TotalSeconds:0} s by those {size} learners", session);
                            Breakdown(count, before, after, used.Bot, used.Fake, used.Server);
                            await CheckAnswersAsync(http, session);
                        }

                        nextUser += size;
                    }
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task<List<Timing>> BurstAsync(HttpClient http, long firstUser, int count, int users, double? perSecond)
    {
        var request = new JsonObject
        {
            ["command"] = "quiz",
            ["count"] = count,
            ["users"] = users,
            ["first_user_id"] = firstUser.ToString(CultureInfo.InvariantCulture),
            ["per_second"] = perSecond,
            ["wait_seconds"] = 60,
        };
        using var response = await http.PostAsJsonAsync("_fake/burst", request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("The fake answered nothing.");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The fake refused the burst: {body.ToJsonString()}");
        }

        return [.. body["interactions"]!.AsArray().Select(i => new Timing(
            (string)i!["interaction_id"]!, (double?)i["delivered_ms"] ?? double.NaN, (double?)i["callback_ms"], (int?)i["type"]))];
    }

    /// <summary>Where the time went: the bot's own handling, its JIT and GC, and the CPU each process used, per interaction.</summary>
    private static void Breakdown(
        int count, Dictionary<string, double> before, Dictionary<string, double> after, TimeSpan botCpu, TimeSpan fakeCpu, TimeSpan serverCpu)
    {
        double Delta(string prefix) =>
            after.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(m => m.Value)
            - before.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(m => m.Value);

        var handled = Delta("prepbot_interaction_duration_seconds_count");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"//   bot arrival→answer sent mean {Delta("prepbot_interaction_duration_seconds_sum") / Math.Max(1, handled) * 1000:0.0} ms; "
            + $"CPU per interaction: bot {botCpu.TotalMilliseconds / count:0.00} ms (JIT {Delta("dotnet_jit_compilation_time") * 1000 / count:0.00} ms, "
            + $"{Delta("dotnet_jit_compiled_methods"):0} methods compiled during the run; {Delta("dotnet_gc_collections"):0} GCs, pauses {Delta("dotnet_gc_pause_time") * 1000:0} ms in all, "
            + $"{Delta("dotnet_gc_heap_total_allocated") / 1024 / count:0} KB allocated per interaction), "
            + $"fake {fakeCpu.TotalMilliseconds / count:0.00} ms"
            + $"{(serverCpu > TimeSpan.Zero ? $", PostgreSQL server {serverCpu.TotalMilliseconds / count:0.00} ms" : string.Empty)}"
            + $"; thread-pool threads {after.GetValueOrDefault("dotnet_thread_pool_thread_count"):0}"));
    }

    /// <summary>
    /// The CPU used so far by the live <c>postgres</c> processes on this machine (Linux: /proc; zero elsewhere or with no server),
    /// so a run on PostgreSQL shows what the server's backends cost next to the bot, on the same cores. Backends of the bot's
    /// pool live as long as the bot, so a difference across a phase is that phase's. Not <c>Process.GetProcessesByName("postgres")</c>:
    /// tried, it reported no server CPU at all (a backend rewrites its command line to <c>postgres: user database …</c>).
    /// </summary>
    private static TimeSpan PostgresServerCpu()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                // After "pid (comm) ": state is field 3, utime and stime are fields 14 and 15.
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile.
            }
        }

        // Clock ticks: 100 per second on Linux (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>
    /// A fast answer counts only if it is the question: every answered interaction must have been answered with a card (its
    /// study buttons), not an error or an empty reply. Prints how many were, and fails the run otherwise.
    /// </summary>
    private static async Task CheckAnswersAsync(HttpClient http, List<Timing> timings)
    {
        var wrong = new List<string>();
        var cards = 0;
        foreach (var timing in timings.Where(t => t.CallbackMs is not null))
        {
            var outcome = await http.GetFromJsonAsync<JsonObject>($"_fake/interactions/{timing.InteractionId}");
            var message = outcome?["original"] ?? outcome?["response"]?["data"];
            var ids = message?["custom_ids"]?.AsArray().Select(id => (string?)id)
                ?? message?["components"]?.AsArray().SelectMany(row => row!["components"]!.AsArray()).Select(c => (string?)c!["custom_id"])
                ?? [];
            if (ids.Any(id => id?.StartsWith("study:", StringComparison.Ordinal) == true))
            {
                cards++;
            }
            else if (wrong.Count < 3)
            {
                wrong.Add((message?["content"]?.ToString() ?? outcome?.ToJsonString() ?? "nothing").ReplaceLineEndings(" "));
            }
        }

        var answered = timings.Count(t => t.CallbackMs is not null);
        Console.WriteLine($"//   {cards} of {answered} answers were a card");
        if (cards != answered)
        {
            throw new InvalidOperationException($"{answered - cards} answers were not a card, e.g.: {string.Join(" | ", wrong)}");
        }
    }

    private static void Report(string what, List<Timing> timings)
    {
        // An interaction never answered (the bot missed Discord's 3 s window) counts as infinitely slow.
        var answered = timings.Select(t => t.CallbackMs ?? double.PositiveInfinity).Order().ToList();
        var delivered = timings.Select(t => t.DeliveredMs).Where(d => !double.IsNaN(d)).Order().ToList();
        var deferred = timings.Count(t => t.Type == 5);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {what}: p50 {Percentile(answered, 0.50):0.0} ms, p99 {Percentile(answered, 0.99):0.0} ms, max {answered.LastOrDefault():0.0} ms "
            + $"({timings.Count(t => t.CallbackMs is not null)} of {timings.Count} answered, {deferred} deferred); fake dispatch→written p50 {Percentile(delivered, 0.5):0.0} / max {delivered.LastOrDefault():0.0} ms; "
            + $"load average {LoadAverage()}"));

        // Where in the run the slowest were (the first few of a phase point at code compiled on first use, spread ones at pauses).
        var slowest = timings.Select((t, i) => (Index: i, Ms: t.CallbackMs ?? double.PositiveInfinity)).OrderByDescending(t => t.Ms).Take(5);
        Console.WriteLine("//   slowest (position in the run: ms): " + string.Join(", ", slowest.Select(t => string.Create(CultureInfo.InvariantCulture, $"#{t.Index}: {t.Ms:0.0}"))));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<TimeSpan> WaitForBotAsync(HttpClient http, BotProcess bot)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            bot.ThrowIfExited();
            var summary = await http.GetFromJsonAsync<JsonObject>("_fake/");
            var sessions = summary?["sessions"]?.AsArray() ?? [];
            if (sessions.Any(s => (bool?)s!["is_connected"] == true && (bool?)s["is_resumable"] == true) && await bot.IsReadyAsync())
            {
                return waited.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot did not connect to the fake Discord within 2 minutes.");
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PrepBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (no PrepBot.sln above " + AppContext.BaseDirectory + ").");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Timing(string InteractionId, double DeliveredMs, double? CallbackMs, int? Type);

    /// <summary>The fake Discord as its own process, on a free loopback port.</summary>
    private sealed partial class FakeProcess : IDisposable
    {
        private readonly Process _process;

        private FakeProcess(Process process, Uri baseUrl, string token)
        {
            _process = process;
            BaseUrl = baseUrl;
            Token = token;
        }

        public Uri BaseUrl { get; }

        public string Token { get; }

        /// <summary>CPU (user + system) the process has used: what a burst costs whatever else the machine runs.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public static async Task<FakeProcess> StartAsync(string dll, string folder)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            info.ArgumentList.Add(dll);
            info.ArgumentList.Add("--port");
            info.ArgumentList.Add("0");
            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the fake Discord.");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            string? url = null;
            string? token = null;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                url ??= UrlPattern().Match(line) is { Success: true } m ? m.Value : null;
                token ??= TokenPattern().Match(line) is { Success: true } t ? t.Groups[1].Value : null;
                if (url is not null && token is not null)
                {
                    break;
                }
            }

            if (url is null || token is null)
            {
                process.Kill();
                throw new InvalidOperationException("The fake Discord did not say where it listens.");
            }

            _ = process.StandardOutput.ReadToEndAsync();
            return new FakeProcess(process, new Uri(url), token);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+/")]
        private static partial Regex UrlPattern();

        [GeneratedRegex(@"PrepBot__Discord__Token='([^']+)'")]
        private static partial Regex TokenPattern();
    }

    /// <summary>The bot, built in Release, as its own process with a fresh database; its health listener on a free port.</summary>
    private sealed partial class BotProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _health;
        private static readonly TimeSpan ScrapeCache = TimeSpan.FromMilliseconds(350);
        private readonly Stopwatch _lastScrape = new();

        private BotProcess(Process process, Uri health)
        {
            _process = process;
            _health = new HttpClient { BaseAddress = health };
        }

        public static Task<BotProcess> StartAsync(string bot, string root, FakeProcess fake, string synchronous, string dataFolder)
        {
            Directory.CreateDirectory(dataFolder);
            // A publish folder runs its own executable (self-contained, ReadyToRun as CI publishes it); a dll runs on dotnet.
            var executable = Path.Combine(bot, "PrepBot");
            var published = Directory.Exists(bot) && File.Exists(executable);
            var dll = Directory.Exists(bot) ? Path.Combine(bot, "PrepBot.dll") : Path.GetFullPath(bot);
            var info = new ProcessStartInfo(published ? executable : "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (!published)
            {
                info.ArgumentList.Add(dll);
            }

            var port = FreePort();
            var api = new Uri(fake.BaseUrl, "api/v10");
            info.Environment["PrepBot__Discord__Token"] = fake.Token;
            info.Environment["PrepBot__Discord__ApiBaseUrl"] = api.ToString();
            info.Environment["PrepBot__Discord__GatewayUrl"] = $"ws://{fake.BaseUrl.Authority}/gateway";
            info.Environment["PrepBot__Data__DatabasePath"] = Path.Combine(dataFolder, "prepbot.db");
            info.Environment["PrepBot__Data__Synchronous"] = synchronous;
            info.Environment["PrepBot__Content__Directory"] = Path.Combine(root, "content");
            info.Environment["PrepBot__Content__WatchForChanges"] = "false";
            info.Environment["PrepBot__Health__Urls"] = $"http://127.0.0.1:{port}";
            info.Environment["PrepBot__Logging__LogLevel__Default"] = "Warning";
            foreach (var extra in ExtraEnvironment)
            {
                info.Environment[extra.Key] = extra.Value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bot.");
            var log = BotLog is null ? null : TextWriter.Synchronized(new StreamWriter(BotLog, append: true));
            process.OutputDataReceived += (_, e) => log?.WriteLine(e.Data);
            var shown = 0;
            process.ErrorDataReceived += (_, e) =>
            {
                log?.WriteLine(e.Data);
                // The first few warnings say what went wrong (e.g. 10062 Unknown interaction: answered after Discord's 3 s).
                if (e.Data is { } line && Interlocked.Increment(ref shown) <= 3)
                {
                    Console.Error.WriteLine("  bot: " + (line.Length > 300 ? line[..300] + "…" : line));
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return Task.FromResult(new BotProcess(process, new Uri($"http://127.0.0.1:{port}/")));
        }

        public TimeSpan CpuTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public int Id => _process.Id;

        public void ThrowIfExited()
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before it was ready.");
            }
        }

        public async Task<bool> IsReadyAsync()
        {
            try
            {
                using var response = await _health.GetAsync(new Uri("readyz", UriKind.Relative));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        /// <summary>
        /// The bot's <c>/metrics</c>, each series summed over its labels, by metric name. The Prometheus exporter answers a
        /// scrape within 300 ms of the last one from its cache (<c>ScrapeResponseCacheDurationMilliseconds</c>): a burst that
        /// ends sooner would read as nothing having happened, so a scrape waits that out.
        /// </summary>
        public async Task<Dictionary<string, double>> ScrapeAsync()
        {
            var sinceLast = _lastScrape.Elapsed;
            if (_lastScrape.IsRunning && sinceLast < ScrapeCache)
            {
                await Task.Delay(ScrapeCache - sinceLast);
            }

            var text = await _health.GetStringAsync(new Uri("metrics", UriKind.Relative));
            _lastScrape.Restart();
            var sums = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var nameEnd = line.IndexOfAny(['{', ' ']);
                if (nameEnd > 0 && double.TryParse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture, out var value))
                {
                    var name = line[..nameEnd];
                    sums[name] = sums.GetValueOrDefault(name) + value;
                }
            }

            return sums;
        }

        public async ValueTask DisposeAsync()
        {
            _health.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
