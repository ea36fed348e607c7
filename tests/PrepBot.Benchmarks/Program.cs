using BenchmarkDotNet.Running;
using PrepBot.Benchmarks;

// --burst: the out-of-process burst benchmark (BurstRun), not a BenchmarkDotNet run.
if (args.Contains("--burst"))
{
    return await BurstRun.RunAsync(args);
}

// --postgres-latency: PostgresReviewBenchmarks' operations timed in an await loop (PostgresLatencyRun).
if (args.Contains("--postgres-latency"))
{
    return await PostgresLatencyRun.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(ReviewBenchmarks).Assembly).Run(args);
return 0;
