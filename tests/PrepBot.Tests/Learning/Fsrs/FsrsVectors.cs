using System.Text.Json;
using System.Text.Json.Serialization;
using PrepBot.Learning.Fsrs;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Learning.Fsrs;

/// <summary>vectors/vectors.json, computed by ts-fsrs (see vectors/README.md): read from the repository, no npm needed.</summary>
internal sealed record FsrsVectors(
    string Reference,
    Dictionary<string, FsrsVectors.ParameterSet> ParameterSets,
    List<FsrsVectors.History> Histories,
    List<FsrsVectors.History> FuzzHistories,
    List<FsrsVectors.FuzzCase> Fuzz)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static FsrsVectors Load { get; } = Read();

    public static string File => Path.Combine(RepositoryFolders.Root, "tests", "PrepBot.Tests", "Learning", "Fsrs", "vectors", "vectors.json");

    public IEnumerable<History> AllHistories => Histories.Concat(FuzzHistories);

    public History Find(string id) => AllHistories.Single(h => h.Id == id);

    public FsrsParameters ParametersOf(History history) =>
        ParameterSets[history.Parameters].ToParameters(history.EnableFuzz);

    private static FsrsVectors Read()
    {
        return JsonSerializer.Deserialize<FsrsVectors>(System.IO.File.ReadAllText(File), Options)
            ?? throw new InvalidOperationException($"{File} is empty.");
    }

    internal sealed record ParameterSet(double[] W, double DesiredRetention, int MaximumInterval)
    {
        public FsrsParameters ToParameters(bool enableFuzz) => new(W, DesiredRetention, MaximumInterval, enableFuzz);
    }

    internal sealed record History(string Id, string Parameters, bool EnableFuzz, List<Step> Steps);

    internal sealed record Step(
        DateTimeOffset At,
        FsrsRating Rating,
        string? FuzzSeed,
        int ElapsedDays,
        double? RetrievabilityBefore,
        Dictionary<FsrsRating, Outcome> Outcomes,
        List<Probe> Probes);

    internal sealed record Outcome(double Stability, double Difficulty, int IntervalDays, DateTimeOffset Due);

    internal sealed record Probe(DateTimeOffset At, double Retrievability);

    internal sealed record FuzzCase(int Interval, int ElapsedDays, int MaximumInterval, string Seed, int Fuzzed, int Min, int Max);
}
