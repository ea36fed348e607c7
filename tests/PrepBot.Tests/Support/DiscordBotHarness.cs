using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PrepBot.Data;
using PrepBot.Discord;
using PrepBot.Discord.Gateway;
using PrepBot.DiscordFrontEnd;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.FakeDiscord.Recording;
using PrepBot.Hosting;
using PrepBot.Operations;
using PrepBot.Scheduling;

namespace PrepBot.Tests.Support;

/// <summary>
/// The real bot host with its Discord front end, pointed at a loopback <see cref="FakeDiscordServer"/>: tests act as
/// Discord users (slash commands, button clicks, modal submits) and read what the bot sent back over real sockets.
/// Start it again on the same folders to simulate a restart.
/// </summary>
internal sealed class DiscordBotHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private DiscordBotHarness(IHost host, FakeDiscordServer discord)
    {
        _host = host;
        Discord = discord;
    }

    public FakeDiscordServer Discord { get; }

    public IServiceProvider Services => _host.Services;

    public static Task<DiscordBotHarness> StartAsync(FakeDiscordServer discord, string contentDirectory, string databasePath, params string[] settings) =>
        StartAsync(discord, contentDirectory, databasePath, clock: null, settings);

    /// <summary>Starts the bot on <paramref name="database"/>'s engine (SQLite file or PostgreSQL database), on <paramref name="clock"/> when given.</summary>
    public static Task<DiscordBotHarness> StartAsync(
        FakeDiscordServer discord, string contentDirectory, BotDatabase database, TimeProvider? clock, params string[] settings) =>
        StartAsync(discord, contentDirectory, database.Path, clock, configure: null, [.. database.Settings, .. settings]);

    /// <summary>
    /// Starts the bot with its features and schedules (Quartz) on <paramref name="clock"/>, while the Discord client keeps
    /// real time for heartbeats and rate limits: advance the clock to make a daily post or a reminder due.
    /// </summary>
    public static Task<DiscordBotHarness> StartAsync(
        FakeDiscordServer discord, string contentDirectory, string databasePath, TimeProvider? clock, params string[] settings) =>
        StartAsync(discord, contentDirectory, databasePath, clock, configure: null, settings);

    /// <summary>Starts the bot as <c>dotnet run</c> does, also with its health and metrics listener (on a free loopback port unless set).</summary>
    public static Task<DiscordBotHarness> StartWithOperationsAsync(
        FakeDiscordServer discord, string contentDirectory, string databasePath, Action<HostApplicationBuilder>? configure, params string[] settings) =>
        StartAsync(
            discord,
            contentDirectory,
            databasePath,
            clock: null,
            builder =>
            {
                builder.Services.AddPrepBotOperations(builder.Configuration);
                configure?.Invoke(builder);
            },
            ["--Health:Urls=http://127.0.0.1:0", .. settings]);

    private static async Task<DiscordBotHarness> StartAsync(
        FakeDiscordServer discord, string contentDirectory, string databasePath, TimeProvider? clock, Action<HostApplicationBuilder>? configure, string[] settings)
    {
        var identifiesBefore = discord.IdentifyCount;
        var builder = PrepBotHost.CreateBuilder(
        [
            $"--Discord:Token={discord.Token}",
            $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            $"--Data:DatabasePath={databasePath}",
            $"--Content:Directory={contentDirectory}",
            "--Content:WatchForChanges=false",
            .. settings,
        ]);
        // As the program does: on PostgreSQL Quartz's clustered store in the same database, in memory on SQLite.
        var data = builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>();
        builder.Services.AddPrepBotScheduling(data?.IsPostgres == true ? builder.Configuration.GetConnectionString("PrepBot") : null);
        builder.Services.AddDiscordTransport(builder.Configuration);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
            builder.Services.AddKeyedSingleton(DiscordServiceCollectionExtensions.ClockKey, TimeProvider.System);
        }

        configure?.Invoke(builder);

        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        await discord.WaitUntilAsync(() => discord.IdentifyCount > identifiesBefore && discord.OpenGatewayConnections > 0, "the bot to identify");
        await discord.WaitForReadyAsync(cancellationToken: TestContext.Current.CancellationToken);

        // The fake has sent READY; the bot is ready (its shard connected, what /readyz reports) once it has read it.
        await host.Services.GetRequiredService<DiscordGatewayClient>().WaitUntilReadyAsync(TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return new DiscordBotHarness(host, discord);
    }

    /// <summary>Dispatches <paramref name="interaction"/> and waits for the bot's callback; returns the interaction and the callback.</summary>
    public async Task<(DispatchedInteraction Interaction, InteractionResponse Response)> SendAsync(FakeInteraction interaction)
    {
        var dispatched = await Discord.DispatchInteractionAsync(interaction);
        var response = await Discord.WaitForInteractionResponseAsync(dispatched.Id, cancellationToken: TestContext.Current.CancellationToken);
        return (dispatched, response);
    }

    /// <summary>Dispatches <paramref name="interaction"/> and returns the message the bot answered with (after any deferral).</summary>
    public async Task<FakeMessage> AskAsync(FakeInteraction interaction)
    {
        var (dispatched, _) = await SendAsync(interaction);
        return await Discord.WaitForOriginalResponseAsync(dispatched.Id, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>The custom id of the button labelled <paramref name="label"/> on <paramref name="message"/>.</summary>
    public static string ButtonId(FakeMessage message, string label)
    {
        foreach (var row in message.Components.EnumerateArray())
        {
            foreach (var component in row.GetProperty("components").EnumerateArray())
            {
                if (component.TryGetProperty("label", out var text) && text.GetString() == label)
                {
                    return component.GetProperty("custom_id").GetString()!;
                }
            }
        }

        throw new InvalidOperationException($"Message {message.Id} has no button '{label}': {message.Json}");
    }

    /// <summary>The custom id of the first select menu on <paramref name="message"/>.</summary>
    public static string SelectId(FakeMessage message) =>
        message.Components.EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .First(c => c.GetProperty("type").GetInt32() == 3)
            .GetProperty("custom_id").GetString()!;

    public static string Text(JsonElement data) => data.TryGetProperty("content", out var content) ? content.GetString() ?? string.Empty : string.Empty;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
