using BenchmarkDotNet.Attributes;
using PrepBot.Features.Star;

namespace PrepBot.Benchmarks;

/// <summary>
/// Judging one STAR answer (<see cref="StarAnalyzer"/>): a typical ~300-word answer, and the largest a Discord form can
/// send (four parts of 4,000 characters). It runs on the interaction's thread, so it must stay far below Discord's
/// 3-second answer window.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class StarBenchmarks
{
    private const string Sentence = "I asked my colleague for thirty minutes in private, and I listened until I could state his reasoning back to him. ";

    private static readonly StarRubric Rubric = new(["conflict", "communication", "collaboration"],
        ["analysts", "reasoning", "recorded", "decision", "talked", "colleague", "criteria", "prototype", "evidence", "combination"]);

    private StarAnswer _typical = null!;
    private StarAnswer _largest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _typical = new StarAnswer(
            string.Concat(Enumerable.Repeat("Last spring a senior colleague and I disagreed about the sales model. ", 3)),
            "My job was to reach a decision that served the analysts and keep a good working relationship.",
            string.Concat(Enumerable.Repeat(Sentence, 9)),
            "Dashboard queries ran 4 times faster and data questions fell from 15 a week to 3.");
        var full = string.Concat(Enumerable.Repeat(Sentence, 4000 / Sentence.Length + 1))[..4000];
        _largest = new StarAnswer(full, full, full, full, full);
    }

    [Benchmark(Description = "STAR analysis: typical answer (~300 words)")]
    public StarAnalysis Typical() => StarAnalyzer.Analyze(_typical, Rubric);

    [Benchmark(Description = "STAR analysis: largest form (5 × 4,000 chars)")]
    public StarAnalysis Largest() => StarAnalyzer.Analyze(_largest, Rubric);
}
