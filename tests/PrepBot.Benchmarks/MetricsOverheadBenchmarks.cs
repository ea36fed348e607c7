using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;
using PrepBot.Operations;

namespace PrepBot.Benchmarks;

/// <summary>
/// The interaction benchmarks with the bot's health listener, metrics off (no OpenTelemetry listener: every instrument
/// records nothing) against metrics on (OpenTelemetry aggregating every measurement for <c>/metrics</c>). Target: p99 of
/// the 200-learner session within 5% (see the <c>// Interaction round trip</c> line of each run).
/// </summary>
public class MetricsOverheadBenchmarks : InteractionBenchmarks
{
    [Params(false, true)]
    public bool Metrics { get; set; }

    protected override void ConfigureBot(HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration["Health:Urls"] = "http://127.0.0.1:0";
        builder.Configuration["Health:Metrics"] = Metrics ? "true" : "false";
        builder.Services.AddPrepBotOperations(builder.Configuration);
    }
}
