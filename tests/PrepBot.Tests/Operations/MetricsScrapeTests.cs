using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Rest;
using PrepBot.Operations;
using PrepBot.Telemetry;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Operations;

/// <summary>
/// The instruments are static (one meter per assembly, as the runtime's own are), so every host's listener sees every
/// measurement in the process: these tests run alone, after the parallel ones, to count exactly what they caused.
/// </summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary><c>/metrics</c> over real loopback HTTP after a scripted session through the fake Discord.</summary>
[Collection(nameof(MeasuredAlone))]
public sealed partial class MetricsScrapeTests : IAsyncLifetime
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-metrics-");
    private readonly FakeDiscordServer _discord = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task<string> ScrapeAsync(DiscordBotHarness bot)
    {
        var address = bot.Services.GetRequiredService<HealthServer>().Addresses[0];
        return await _http.GetStringAsync(new Uri(address, "/metrics"), TestContext.Current.CancellationToken);
    }

    /// <summary>The value of the sample <paramref name="name"/> whose labels include every one of <paramref name="labels"/>, or 0.</summary>
    private static double Sample(string scrape, string name, params string[] labels)
    {
        foreach (Match match in SampleLine().Matches(scrape))
        {
            if (match.Groups["name"].Value == name && labels.All(label => match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [Fact]
    public async Task A_scripted_session_shows_up_in_the_scrape_with_the_numbers_it_caused()
    {
        await using var bot = await DiscordBotHarness.StartWithOperationsAsync(
            _discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), configure: null);
        _discord.ForceRateLimits(FakeRoutes.CreateInteractionResponse, 1, TimeSpan.FromMilliseconds(50));
        var statsCounted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PrepBotMetrics.MeterName && instrument.Name == "prepbot.interactions")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "command" && Equals(tag.Value, "stats"))
                {
                    statsCounted.TrySetResult();
                }
            }
        });
        listener.Start();

        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var revealed = await bot.AskAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Reveal answer")));
        await bot.AskAsync(FakeInteraction.Button(revealed, DiscordBotHarness.ButtonId(revealed, "Good")));
        await bot.AskAsync(FakeInteraction.SlashCommand("stats"));

        // The fake has the answer before the bot has counted it (the bot counts after Discord's 204 reaches it): wait for the
        // count of the last interaction, which comes after every earlier one's, then scrape.
        await statsCounted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var scrape = await ScrapeAsync(bot);

        Assert.Equal(1, Sample(scrape, "prepbot_interactions_total", "command=\"quiz\"", "outcome=\"answered\""));
        Assert.Equal(2, Sample(scrape, "prepbot_interactions_total", "command=\"button study\"", "outcome=\"answered\""));
        Assert.Equal(1, Sample(scrape, "prepbot_interactions_total", "command=\"stats\""));
        Assert.Equal(1, Sample(scrape, "prepbot_interaction_duration_seconds_count", "command=\"quiz\""));
        Assert.Equal(1, Sample(scrape, "prepbot_interaction_duration_seconds_bucket", "command=\"quiz\"", "le=\"+Inf\""));
        Assert.Equal(1, Sample(scrape, "prepbot_reviews_recorded_total", "grade=\"good\""));
        Assert.Equal(0, Sample(scrape, "prepbot_reviews_recorded_total", "grade=\"again\""));
        Assert.Equal(4, Sample(scrape, "prepbot_discord_rest_requests_total", "route=\"/interactions/{interaction_id}/{interaction_token}/callback\"", "status=\"204\""));
        Assert.Equal(1, Sample(scrape, "prepbot_discord_rest_rate_limited_total", "route=\"/interactions/{interaction_id}/{interaction_token}/callback\"", "scope=\"user\""));
        Assert.True(Sample(scrape, "prepbot_discord_rest_rate_limit_wait_seconds_total", "route=\"/interactions/{interaction_id}/{interaction_token}/callback\"") > 0);
        Assert.DoesNotContain(_discord.Token, scrape, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>(?:[^""}]|""[^""]*"")*)\})? (?<value>[0-9.e+\-]+|\+Inf)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
