using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Discord.Models;
using PrepBot.Discord.Rest;

namespace PrepBot.Discord.Gateway;

/// <summary>
/// The bot's gateway connection(s): one per shard this process runs (<c>Discord:ShardIds</c> of
/// <c>Discord:ShardCount</c>), each identifying within <c>max_concurrency</c> and keeping its session alive across
/// drops. Start it with <see cref="RunAsync"/> (e.g. from a BackgroundService) and read events from
/// <see cref="Dispatches"/>; INTERACTION_CREATE arrives with <see cref="GatewayDispatch.Interaction"/> deserialised.
/// Answer interactions over REST with <see cref="DiscordRestClient"/>, never over the gateway.
/// </summary>
public sealed partial class DiscordGatewayClient
{
    /// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES: what PrepBot needs; interactions need no intent.</summary>
    public const GatewayIntents DefaultIntents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages;

    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly IIdentifyCoordinator _identify;
    private readonly System.Threading.Channels.Channel<GatewayDispatch> _dispatches = System.Threading.Channels.Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly TaskCompletionSource<ReadyEvent> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private volatile IReadOnlyList<GatewayShard> _shards = [];

    public DiscordGatewayClient(DiscordRestClient rest, IOptions<DiscordOptions> options, [FromKeyedServices(DiscordServiceCollectionExtensions.ClockKey)] TimeProvider time, ILoggerFactory loggerFactory, IIdentifyCoordinator identify)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _rest = rest;
        _options = options.Value;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DiscordGatewayClient>();
        _identify = identify;
    }

    /// <summary>
    /// Every dispatch (op 0) of every shard, in the order each shard received them. Completes when
    /// <see cref="RunAsync"/> ends; with the <see cref="DiscordGatewayException"/> if a shard hit a fatal close code.
    /// </summary>
    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    /// <summary>The intents sent with Identify: <see cref="DefaultIntents"/>, plus MESSAGE_CONTENT when <c>Discord:MessageContent</c> is true.</summary>
    public GatewayIntents Intents => DefaultIntents | (_options.MessageContent ? GatewayIntents.MessageContent : GatewayIntents.None);

    /// <summary>The bot user, from the first READY (null before).</summary>
    public User? CurrentUser => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result.User : null;

    /// <summary>The application id, from the first READY (null before); needed for commands and follow-ups.</summary>
    public Snowflake? ApplicationId => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result.Application.Id : null;

    /// <summary>Completes with the first READY of any shard; fails if the gateway stops fatally before.</summary>
    public Task<ReadyEvent> WaitUntilReadyAsync(CancellationToken cancellationToken = default) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Each shard this process runs and where its connection stands; empty until the shards are started.</summary>
    public IReadOnlyList<(int ShardId, GatewayShardState State)> Shards => [.. _shards.Select(shard => (shard.ShardId, shard.State))];

    /// <summary>
    /// Runs every shard of this process until <paramref name="cancellationToken"/> is cancelled (then closes with
    /// 1000). Throws <see cref="DiscordGatewayException"/> when Discord closes with a fatal code (bad token, invalid
    /// shard, disallowed intents): a one-line message for the host to print; it is never retried.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The gateway client runs once; create another for a second run.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        try
        {
            var gateway = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
            var url = string.IsNullOrWhiteSpace(_options.GatewayUrl) ? gateway.Url : _options.GatewayUrl;
            var shardCount = _options.ShardCount ?? Math.Max(1, gateway.Shards);
            IReadOnlyList<int> shardIds = Enumerable.Range(0, shardCount).ToArray();
            if (!string.IsNullOrWhiteSpace(_options.ShardIds) && !ShardRange.TryParse(_options.ShardIds, shardCount, out shardIds, out var error))
            {
                throw new InvalidOperationException($"Discord:ShardIds {error}");
            }

            var limit = gateway.SessionStartLimit;
            if (limit.Remaining < shardIds.Count)
            {
                var wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
                LogSessionStartLimit(_logger, limit.Remaining, shardIds.Count, wait.TotalSeconds);
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            var shardLogger = _loggerFactory.CreateLogger<DiscordGatewayClient>();
            var shards = shardIds
                .Select(id => new GatewayShard(id, shardCount, url, Intents, _options, new ShardIdentify(_identify, limit.MaxConcurrency), _dispatches.Writer, OnReady, _time, shardLogger))
                .ToList();
            _shards = shards;
            LogStarting(_logger, shardIds.Count, shardCount, shardIds[0], shardIds[^1]);

            var running = shards.Select(shard => shard.RunAsync(stop.Token)).ToList();
            while (running.Count > 0)
            {
                var ended = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(ended);
                if (ended.IsFaulted && failure is null)
                {
                    failure = ended.Exception!.InnerException!;
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }

            if (failure is not null)
            {
                throw failure;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = exception;
            _ready.TrySetException(exception);
            throw;
        }
        finally
        {
            _ready.TrySetCanceled(CancellationToken.None);
            _dispatches.Writer.TryComplete(failure);
        }
    }

    private void OnReady(ReadyEvent ready) => _ready.TrySetResult(ready);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Count} of {ShardCount} gateway shard(s), ids {FirstShardId} to {LastShardId}")]
    private static partial void LogStarting(ILogger logger, int count, int shardCount, int firstShardId, int lastShardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Only {Remaining} session starts left for {Needed} shard(s); waiting {WaitSeconds:0} s for the daily limit to reset")]
    private static partial void LogSessionStartLimit(ILogger logger, int remaining, int needed, double waitSeconds);
}
