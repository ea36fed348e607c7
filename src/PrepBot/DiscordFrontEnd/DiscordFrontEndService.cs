using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Gateway;
using PrepBot.Discord.Rest;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// The Discord front end: keeps the gateway connected, registers the slash commands once READY arrives (only when
/// they changed), and answers every interaction concurrently through the <see cref="InteractionHandler"/>. A fatal
/// gateway close (bad token, disallowed intents) stops the host with that one-line reason in <see cref="DiscordStatus"/>.
/// </summary>
internal sealed partial class DiscordFrontEndService(
    DiscordGatewayClient gateway,
    DiscordRestClient rest,
    InteractionHandler handler,
    CommandCatalog catalog,
    DiscordStatus status,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordFrontEndService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var run = gateway.RunAsync(stoppingToken);
        var registration = RegisterCommandsAsync(stoppingToken);
        try
        {
            await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (dispatch.Interaction is { } interaction)
                {
                    Track(Task.Run(() => handler.HandleAsync(interaction, CancellationToken.None), CancellationToken.None));
                }
            }

            await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Nothing more can be done without Discord: say why in one line and stop, rather than retry forever.
            var reason = ex switch
            {
                DiscordApiException { StatusCode: System.Net.HttpStatusCode.Unauthorized } =>
                    "Discord refused the bot token (401 Unauthorized). Check Discord:Token (PrepBot__Discord__Token).",
                DiscordGatewayException or DiscordApiException => ex.Message,
                HttpRequestException http => $"cannot reach Discord at {options.Value.ApiBaseUrl}: {http.Message}",
                _ => $"{ex.GetType().Name}: {ex.Message}",
            };
            status.Fail(reason);
            LogFatal(reason);
            lifetime.StopApplication();
        }
        finally
        {
            // Answers already being worked on finish (their reviews are saved) before the host stops.
            await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
            await registration.ConfigureAwait(false);
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = true;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        ReadyEvent ready;
        try
        {
            ready = await gateway.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The gateway's own failure is reported once, by ExecuteAsync.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        status.Connected(ready.User.Username);
        LogReady(ready.User.Username, ready.Application.Id);
        try
        {
            Snowflake? guild = Snowflake.TryParse(options.Value.DevelopmentGuildId, out var id) ? id : null;
            await rest.BulkOverwriteApplicationCommandsIfChangedAsync(ready.Application.Id, SlashCommands.From(catalog.All), guild, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogRegistrationFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped: {Reason}")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Discord as {BotName} (application {ApplicationId})")]
    private partial void LogReady(string botName, Snowflake applicationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the slash commands failed; existing commands stay as they were")]
    private partial void LogRegistrationFailed(Exception exception);
}
