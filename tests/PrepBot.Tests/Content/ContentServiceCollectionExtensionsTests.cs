using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

public sealed class ContentServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Host_start_loads_the_catalog()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        using var host = BuildHost(new() { ["Content:WatchForChanges"] = "false" });

        await host.StartAsync(TestContext.Current.CancellationToken);
        var catalog = host.Services.GetRequiredService<CardCatalog>();
        var version = catalog.Version;
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, version);
        Assert.NotNull(catalog.Find("concept-a"));
    }

    [Fact]
    public void Relative_content_directory_resolves_against_the_content_root()
    {
        using var host = BuildHost([]);

        var options = host.Services.GetRequiredService<IOptions<ContentOptions>>().Value;

        Assert.Equal(_folder.ContentDirectory, options.Directory);
    }

    [Fact]
    public async Task Missing_content_folder_stops_the_host_at_start_naming_the_key()
    {
        using var host = BuildHost(new() { ["Content:Directory"] = "cards" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal([$"Content:Directory: folder '{Path.Combine(_folder.RootDirectory, "cards")}' does not exist"], error.Failures);
    }

    [Fact]
    public void Debounce_outside_50_to_60000_milliseconds_is_rejected_naming_the_key()
    {
        var options = new ContentOptions { Directory = _folder.ContentDirectory, ReloadDebounceMilliseconds = 10 };

        var result = new ContentOptionsValidator().Validate(null, options);

        Assert.Equal(["Content:ReloadDebounceMilliseconds: must be from 50 to 60000 (got 10)"], result.Failures);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = _folder.RootDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPrepBotContent();
        return builder.Build();
    }
}
