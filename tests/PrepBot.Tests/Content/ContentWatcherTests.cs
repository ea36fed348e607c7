using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

public sealed class ContentWatcherTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Card_file_added_while_running_is_served_once_the_folder_is_quiet()
    {
        var ct = TestContext.Current.CancellationToken;
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));
        var options = Options.Create(new ContentOptions { Directory = _folder.ContentDirectory, ReloadDebounceMilliseconds = 500 });
        var catalog = new CardCatalog(new CardParser(), options, NullLogger<CardCatalog>.Instance);
        var time = new FakeTimeProvider();
        var logger = new TestLogger<ContentWatcher>();
        using var watcher = new ContentWatcher(catalog, options, time, logger);
        var target = _folder.FullPath("concept/b.md");
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        logger.Logged += entry =>
        {
            if (entry.EventId.Name == "LogChangeNoticed" && entry.Message.Contains(target, StringComparison.Ordinal))
            {
                noticed.TrySetResult();
            }
        };
        var reloaded = new TaskCompletionSource<CardCatalogReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.Reloaded += (_, change) =>
        {
            if (change.Added.Contains("concept-b"))
            {
                reloaded.TrySetResult(change);
            }
        };
        await watcher.StartAsync(ct);
        try
        {
            // Write elsewhere, then move into place: the watcher never sees a half-written card.
            var draft = _folder.Write("concept/b.tmp", SampleCards.ConceptCard("concept-b"));
            File.Move(draft, target);
            await noticed.Task.WaitAsync(Generous, ct);

            time.Advance(TimeSpan.FromMilliseconds(500));
            var change = await reloaded.Task.WaitAsync(Generous, ct);

            Assert.Equal(["concept-b"], change.Added);
            Assert.Equal(["concept-a", "concept-b"], catalog.Cards.Select(c => c.Id));
        }
        finally
        {
            await watcher.StopAsync(ct);
        }
    }
}
