using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Hosting;

namespace PrepBot.Tests.Support;

/// <summary>
/// The real host (migrations, content loading, features) without a front end, driven through the
/// <see cref="ConversationRouter"/> the way a transport drives it. Start it again on the same folders to simulate a restart.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private BotHarness(IHost host) => _host = host;

    public ConversationRouter Router => _host.Services.GetRequiredService<ConversationRouter>();

    public IServiceProvider Services => _host.Services;

    public static readonly LearnerIdentity Ada = new("discord", "1001", "Ada", "Etc/UTC");

    public static readonly LearnerIdentity Grace = new("discord", "1002", "Grace", "Etc/UTC");

    public static Task<BotHarness> StartAsync(string contentDirectory, string databasePath, FakeTimeProvider time) =>
        StartAsync(contentDirectory, databasePath, time, configure: null);

    /// <summary>As above, with <paramref name="configure"/> changing services last (e.g. a recording <c>IMessenger</c>).</summary>
    public static async Task<BotHarness> StartAsync(string contentDirectory, string databasePath, FakeTimeProvider time, Action<IServiceCollection>? configure)
    {
        var builder = PrepBotHost.CreateBuilder(
        [
            $"--Data:DatabasePath={databasePath}",
            $"--Content:Directory={contentDirectory}",
            "--Content:WatchForChanges=false",
        ]);
        builder.Services.AddSingleton<TimeProvider>(time);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new BotHarness(host);
    }

    public Task<IReadOnlyList<Reply>> SendAsync(LearnerIdentity who, UserInput input) =>
        Router.HandleAsync(who, input, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
