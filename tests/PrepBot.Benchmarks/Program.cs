using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PrepBot.Benchmarks.ReviewBenchmarks).Assembly).Run(args);
