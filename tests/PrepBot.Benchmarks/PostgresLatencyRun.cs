using System.Diagnostics;
using System.Globalization;

namespace PrepBot.Benchmarks;

/// <summary>
/// <c>--postgres-latency [--synchronous Normal,Full] [--iterations 3000] [--warmup 1000] [--repeat 1]</c>: <see cref="PostgresReviewBenchmarks"/>'s three operations timed
/// one call at a time in an <c>await</c> loop, as the bot calls them, not under BenchmarkDotNet. BenchmarkDotNet runs an async
/// benchmark by blocking its own thread on each call's task, so every call there also pays two cross-thread wake-ups the bot
/// (async from the gateway to the database) does not; against a database in another process those dominate on a 2-core
/// virtual machine (the due queue: p50 0.99 / p99 5.3 ms under BenchmarkDotNet, 0.37 / 0.62 ms in this loop, same code and
/// server). Both figures are in the README. Needs <c>PREPBOT_BENCH_POSTGRES</c> as the BenchmarkDotNet run does, and
/// <c>DOTNET_TieredCompilation=0</c>, as the Release bot runs.
/// </summary>
internal static class PostgresLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = int.Parse(BurstRun.Option(args, "--iterations", "3000"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(BurstRun.Option(args, "--warmup", "1000"), CultureInfo.InvariantCulture);
        var repeat = int.Parse(BurstRun.Option(args, "--repeat", "1"), CultureInfo.InvariantCulture);
        var levels = BurstRun.Option(args, "--synchronous", "Normal,Full").Split(',');
        var operations = new (string Name, Func<PostgresReviewBenchmarks, Task> Call)[]
        {
            ("record one review, SM-2 learner (1M card states)", b => b.RecordReview()),
            ("record one review, FSRS learner (1M card states)", b => b.RecordFsrsReview()),
            ("due queue of one learner (1M card states)", b => b.DueQueue()),
        };

        Console.WriteLine($"// {Environment.ProcessorCount} cores; {warmup} warm-up calls, then {iterations} timed, one at a time");
        if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
        {
            // The Release bot runs without tiered compilation (src/PrepBot/PrepBot.csproj); with it, methods re-compiled in the
            // background during the first timed calls put their p99 at 4–5 ms instead of 1.6 ms.
            Console.WriteLine("// warning: tiered compilation is on, unlike the Release bot: run with DOTNET_TieredCompilation=0");
        }

        foreach (var (level, (name, call)) in levels.SelectMany(level => Enumerable.Repeat(operations, repeat).SelectMany(o => o).Select(o => (level, o))))
        {
            var benchmark = new PostgresReviewBenchmarks { Synchronous = level };
            benchmark.Setup();
            try
            {
                for (var i = 0; i < warmup; i++)
                {
                    await call(benchmark);
                }

                var milliseconds = new double[iterations];
                for (var i = 0; i < iterations; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await call(benchmark);
                    milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                Array.Sort(milliseconds);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"PostgreSQL, Synchronous={level}: {name}: mean {milliseconds.Average():0.000} ms, p50 {At(milliseconds, 0.50):0.000}, p90 {At(milliseconds, 0.90):0.000}, p99 {At(milliseconds, 0.99):0.000}, max {milliseconds[^1]:0.000} ms"));
            }
            finally
            {
                benchmark.Cleanup();
            }
        }

        return 0;
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
