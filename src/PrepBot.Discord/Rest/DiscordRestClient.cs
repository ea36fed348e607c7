using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Discord.Models;

namespace PrepBot.Discord.Rest;

/// <summary>
/// Discord's REST API v10 (a typed <see cref="HttpClient"/>; get it from DI after <c>AddDiscordClient</c>). Every
/// outgoing body is checked with <see cref="DiscordLimits"/> first; requests wait for their rate-limit bucket and the
/// global limit, 429s are retried after <c>retry_after</c>, 5xx and network failures with backoff, and message posts
/// carry a nonce with <c>enforce_nonce</c> so a retry never delivers twice. Failures throw
/// <see cref="DiscordApiException"/>; limit breaches throw <see cref="DiscordLimitException"/>.
/// </summary>
public sealed partial class DiscordRestClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Waits shorter than this are queueing noise, not a rate limit holding the request back.</summary>
    private static readonly TimeSpan MeasurableWait = TimeSpan.FromMilliseconds(1);

    private readonly HttpClient _http;
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;

    public DiscordRestClient(HttpClient http, DiscordRateLimiter limiter, IOptions<DiscordOptions> options, [FromKeyedServices(DiscordServiceCollectionExtensions.ClockKey)] TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _limiter = limiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary><c>GET /gateway/bot</c>: the gateway URL, recommended shard count and session start limits.</summary>
    public Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync<GatewayBot>(new(HttpMethod.Get, "/gateway/bot", "gateway/bot", string.Empty), null, cancellationToken);

    /// <summary>
    /// <c>POST /channels/{channel_id}/messages</c>. Without a nonce, a fresh one is set with <c>enforce_nonce</c>, so
    /// a post retried after a timeout or 5xx is delivered once.
    /// </summary>
    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.Nonce) || message.EnforceNonce != true)
        {
            message = message.WithNonce(string.IsNullOrEmpty(message.Nonce) ? NewNonce() : message.Nonce);
        }

        DiscordLimits.Validate(message);
        return SendAsync<Message>(Channel(HttpMethod.Post, "/channels/{channel_id}/messages", channelId, $"channels/{channelId}/messages"), message, cancellationToken);
    }

    /// <summary>
    /// <c>POST /channels/{channel_id}/messages</c> with files, as <c>multipart/form-data</c> (<c>payload_json</c> and
    /// <c>files[n]</c>); when <see cref="MessageCreate.Attachments"/> is null it lists every file with its description.
    /// </summary>
    public Task<Message> CreateMessageAsync(Snowflake channelId, MessageCreate message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.Nonce) || message.EnforceNonce != true)
        {
            message = message.WithNonce(string.IsNullOrEmpty(message.Nonce) ? NewNonce() : message.Nonce);
        }

        DiscordLimits.Validate(message);
        DiscordLimits.Validate(files);
        var route = Channel(HttpMethod.Post, "/channels/{channel_id}/messages", channelId, $"channels/{channelId}/messages");
        return SendAsync<Message>(route, Payload.WithFiles(message, files, inData: false), cancellationToken);
    }

    /// <summary><c>PATCH /channels/{channel_id}/messages/{message_id}</c>.</summary>
    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageEdit edit, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(edit);
        return SendAsync<Message>(Channel(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", channelId, $"channels/{channelId}/messages/{messageId}"), edit, cancellationToken);
    }

    /// <summary><c>POST /users/@me/channels</c>: the DM channel with <paramref name="userId"/> (the existing one if any).</summary>
    public Task<Channel> CreateDirectMessageChannelAsync(Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync<Channel>(new(HttpMethod.Post, "/users/@me/channels", "users/@me/channels", string.Empty), new CreateDirectMessageChannel(userId), cancellationToken);

    /// <summary><c>POST /channels/{channel_id}/messages/{message_id}/threads</c>: a public thread on a message.</summary>
    public Task<Channel> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, StartThreadFromMessage thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        CheckThreadName(thread.Name);
        return SendAsync<Channel>(Channel(HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", channelId, $"channels/{channelId}/messages/{messageId}/threads"), thread, cancellationToken);
    }

    /// <summary><c>POST /channels/{channel_id}/threads</c>: a public (11) or private (12) thread without a message.</summary>
    public Task<Channel> StartThreadAsync(Snowflake channelId, StartThreadWithoutMessage thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        CheckThreadName(thread.Name);
        if (thread.Type is not (ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread))
        {
            throw new DiscordLimitException("type", $"a thread is of type 10, 11 or 12, not {(int)thread.Type}");
        }

        return SendAsync<Channel>(Channel(HttpMethod.Post, "/channels/{channel_id}/threads", channelId, $"channels/{channelId}/threads"), thread, cancellationToken);
    }

    /// <summary><c>PUT /channels/{thread_id}/thread-members/{user_id}</c>.</summary>
    public Task AddThreadMemberAsync(Snowflake threadId, Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement?>(Channel(HttpMethod.Put, "/channels/{channel_id}/thread-members/{user_id}", threadId, $"channels/{threadId}/thread-members/{userId}"), null, cancellationToken);

    /// <summary><c>PATCH /channels/{thread_id}</c> with thread fields: archive or lock a thread.</summary>
    public Task<Channel> ModifyThreadAsync(Snowflake threadId, ModifyThread thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return SendAsync<Channel>(Channel(HttpMethod.Patch, "/channels/{channel_id}", threadId, $"channels/{threadId}"), thread, cancellationToken);
    }

    /// <summary>
    /// <c>POST /interactions/{id}/{token}/callback</c>: the answer to an interaction, due within 3 seconds. Exempt
    /// from the global limit.
    /// </summary>
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        DiscordLimits.Validate(response);
        var route = new DiscordRoute(
            HttpMethod.Post,
            "/interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{interactionId}/{Uri.EscapeDataString(interactionToken)}/callback",
            interactionId.ToString(),
            ExemptFromGlobalLimit: true);
        return SendAsync<JsonElement?>(route, response, cancellationToken);
    }

    /// <summary>
    /// <c>POST /interactions/{id}/{token}/callback</c> with files (a message answer, type 4 or 7), as
    /// <c>multipart/form-data</c>; when <see cref="InteractionCallbackData.Attachments"/> is null it lists every file.
    /// </summary>
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(response);
        DiscordLimits.Validate(response);
        DiscordLimits.Validate(files);
        if (files.Count > 0 && response.Type is not (InteractionCallbackType.ChannelMessageWithSource or InteractionCallbackType.UpdateMessage))
        {
            throw new DiscordLimitException("files", $"only a message answer (type 4 or 7) carries files, not type {(int)response.Type}");
        }

        var route = new DiscordRoute(
            HttpMethod.Post,
            "/interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{interactionId}/{Uri.EscapeDataString(interactionToken)}/callback",
            interactionId.ToString(),
            ExemptFromGlobalLimit: true);
        return SendAsync<JsonElement?>(route, Payload.WithFiles(response, files, inData: true), cancellationToken);
    }

    /// <summary><c>POST /webhooks/{application_id}/{token}</c>: a follow-up message (ephemeral with <see cref="MessageFlags.Ephemeral"/>).</summary>
    public Task<Message> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, WebhookMessage message, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(message);
        return SendAsync<Message>(Webhook(HttpMethod.Post, string.Empty, applicationId, interactionToken), message, cancellationToken);
    }

    /// <summary><c>POST /webhooks/{application_id}/{token}</c> with files, as <c>multipart/form-data</c>.</summary>
    public Task<Message> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, WebhookMessage message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(message);
        DiscordLimits.Validate(files);
        return SendAsync<Message>(Webhook(HttpMethod.Post, string.Empty, applicationId, interactionToken), Payload.WithFiles(message, files, inData: false), cancellationToken);
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/@original</c>: fills in a deferred response or changes the first one.</summary>
    public Task<Message> EditOriginalInteractionResponseAsync(Snowflake applicationId, string interactionToken, WebhookMessage message, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(message);
        return SendAsync<Message>(Webhook(HttpMethod.Patch, "/messages/@original", applicationId, interactionToken), message, cancellationToken);
    }

    /// <summary>
    /// <c>PATCH /webhooks/{application_id}/{token}/messages/@original</c> with files, as <c>multipart/form-data</c>. When
    /// <see cref="WebhookMessage.Attachments"/> is null it lists the new files only, so the message ends up with exactly them.
    /// </summary>
    public Task<Message> EditOriginalInteractionResponseAsync(Snowflake applicationId, string interactionToken, WebhookMessage message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(message);
        DiscordLimits.Validate(files);
        return SendAsync<Message>(Webhook(HttpMethod.Patch, "/messages/@original", applicationId, interactionToken), Payload.WithFiles(message, files, inData: false), cancellationToken);
    }

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/{message_id}</c>: changes a follow-up.</summary>
    public Task<Message> EditFollowupMessageAsync(Snowflake applicationId, string interactionToken, Snowflake messageId, WebhookMessage message, CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(message);
        return SendAsync<Message>(Webhook(HttpMethod.Patch, "/messages/{message_id}", applicationId, interactionToken, messageId.ToString()), message, cancellationToken);
    }

    /// <summary><c>GET /applications/{id}/commands</c>, or the guild's commands when <paramref name="guildId"/> is set.</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> GetApplicationCommandsAsync(Snowflake applicationId, Snowflake? guildId = null, CancellationToken cancellationToken = default) =>
        await SendAsync<List<ApplicationCommand>>(CommandsRoute(HttpMethod.Get, applicationId, guildId), null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// <c>PUT /applications/{id}/commands</c> (global), or <c>PUT /applications/{id}/guilds/{guild_id}/commands</c>:
    /// replaces every command with <paramref name="commands"/>. Discord allows 200 creates a day per guild; prefer
    /// <see cref="BulkOverwriteApplicationCommandsIfChangedAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteApplicationCommandsAsync(
        Snowflake applicationId,
        IReadOnlyList<ApplicationCommand> commands,
        Snowflake? guildId = null,
        CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(commands);
        return await SendAsync<List<ApplicationCommand>>(CommandsRoute(HttpMethod.Put, applicationId, guildId), commands, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers <paramref name="commands"/> only when they differ from what Discord holds: fetches the registered
    /// commands (a GET costs none of the daily creates) and compares <see cref="ApplicationCommandHash"/> of both;
    /// overwrites when the hashes differ. Returns true when it overwrote.
    /// </summary>
    public async Task<bool> BulkOverwriteApplicationCommandsIfChangedAsync(
        Snowflake applicationId,
        IReadOnlyList<ApplicationCommand> commands,
        Snowflake? guildId = null,
        CancellationToken cancellationToken = default)
    {
        DiscordLimits.Validate(commands);
        var registered = await GetApplicationCommandsAsync(applicationId, guildId, cancellationToken).ConfigureAwait(false);
        var wanted = ApplicationCommandHash.Compute(commands);
        if (string.Equals(wanted, ApplicationCommandHash.Compute(registered), StringComparison.Ordinal))
        {
            LogCommandsUnchanged(_logger, commands.Count, guildId ?? default);
            return false;
        }

        await BulkOverwriteApplicationCommandsAsync(applicationId, commands, guildId, cancellationToken).ConfigureAwait(false);
        LogCommandsRegistered(_logger, commands.Count, guildId ?? default);
        return true;
    }

    private static DiscordRoute Channel(HttpMethod method, string template, Snowflake channelId, string path) =>
        new(method, template, path, channelId.ToString());

    private static DiscordRoute Webhook(HttpMethod method, string suffixTemplate, Snowflake applicationId, string token, string? messageId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var suffix = messageId is null ? suffixTemplate : suffixTemplate.Replace("{message_id}", messageId, StringComparison.Ordinal);
        return new(
            method,
            "/webhooks/{application_id}/{interaction_token}" + suffixTemplate,
            $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}{suffix}",
            $"{applicationId}/{token}",
            ExemptFromGlobalLimit: true);
    }

    private static DiscordRoute CommandsRoute(HttpMethod method, Snowflake applicationId, Snowflake? guildId) => guildId is { } guild
        ? new(method, "/applications/{application_id}/guilds/{guild_id}/commands", $"applications/{applicationId}/guilds/{guild}/commands", guild.ToString())
        : new(method, "/applications/{application_id}/commands", $"applications/{applicationId}/commands", applicationId.ToString());

    private static void CheckThreadName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > DiscordLimits.MaxThreadNameLength)
        {
            throw new DiscordLimitException("name", $"a thread name is 1–{DiscordLimits.MaxThreadNameLength} characters (has {name?.Length ?? 0})");
        }
    }

    private static string NewNonce() => Guid.NewGuid().ToString("N")[..DiscordLimits.MaxNonceLength];

    private Task<T> SendAsync<T>(DiscordRoute route, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(route, body is null ? null : new Payload(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options), []), cancellationToken);

    private async Task<T> SendAsync<T>(DiscordRoute route, Payload? content, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            if (_limiter.Unauthorized)
            {
                throw new DiscordApiException(route.Key, HttpStatusCode.Unauthorized, null, "Discord rejected the bot token earlier; no further requests are sent. Check Discord:Token.");
            }

            var attempt = await SendOnceAsync<T>(route, content, cancellationToken).ConfigureAwait(false);
            if (attempt.Error is null)
            {
                return attempt.Value!;
            }

            if (attempt.Outcome == Outcome.Fail || failures > _options.MaxRetries)
            {
                throw attempt.Error;
            }

            if (attempt.Outcome == Outcome.RetryWithBackoff)
            {
                var delay = Backoff(failures);
                LogRetry(_logger, route.Key, attempt.Error.Message, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One request, inside its bucket's queue and the global limit.</summary>
    private async Task<Attempt<T>> SendOnceAsync<T>(DiscordRoute route, Payload? content, CancellationToken cancellationToken)
    {
        var bucket = _limiter.GetBucket(route);
        var waitStarted = _time.GetTimestamp();
        using var lease = await bucket.EnterAsync(_time, cancellationToken).ConfigureAwait(false);
        var cooldown = _limiter.InvalidRequestCooldown();
        if (cooldown > TimeSpan.Zero)
        {
            LogInvalidStreakCooldown(_logger, _limiter.InvalidStreak, cooldown.TotalSeconds, route.Key);
            await Task.Delay(cooldown, _time, cancellationToken).ConfigureAwait(false);
        }

        var ticket = route.ExemptFromGlobalLimit ? 0 : await _limiter.Global.AcquireAsync(cancellationToken).ConfigureAwait(false);
        RecordWait(route, _time.GetElapsedTime(waitStarted));
        HttpResponseMessage response;
        try
        {
            using var request = BuildRequest(route, content);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new(Outcome.RetryWithBackoff, default, new DiscordApiException($"{route.Key} got no answer from Discord: {exception.Message}", exception));
        }
        finally
        {
            if (ticket > 0)
            {
                _limiter.Global.Complete(ticket);
            }
        }

        using (response)
        {
            DiscordMetrics.RestRequests.Add(1, new("method", route.Method.Method), new("route", route.Template), new("status", (int)response.StatusCode));
            _limiter.Learn(route, bucket, response.Headers);
            if (response.IsSuccessStatusCode)
            {
                _limiter.RecordSuccess();
                return new(Outcome.Done, await ReadAsync<T>(response, route, cancellationToken).ConfigureAwait(false), null);
            }

            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var failure = Failure(route, response.StatusCode, error);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var scope = DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Scope");
                var global = error?.Global == true
                    || string.Equals(DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
                var retryAfter = RetryAfter(error, response.Headers);
                if (!string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase))
                {
                    _limiter.RecordInvalid(unauthorized: false);
                }

                // The wait happens in the next attempt: the bucket (or the global limiter) holds requests until then.
                var until = _time.GetUtcNow() + retryAfter;
                if (global)
                {
                    _limiter.Global.BlockUntil(until);
                }
                else
                {
                    bucket.Update(0, until);
                }

                DiscordMetrics.RestRateLimited.Add(1, new("method", route.Method.Method), new("route", route.Template), new("scope", global ? "global" : scope ?? "user"));
                LogRateLimited(_logger, route.Key, retryAfter.TotalSeconds, global, scope ?? "user");
                return new(Outcome.RetryAfterRateLimit, default, failure);
            }

            if ((int)response.StatusCode >= 500)
            {
                return new(Outcome.RetryWithBackoff, default, failure);
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                var unauthorized = response.StatusCode == HttpStatusCode.Unauthorized;
                var streak = _limiter.RecordInvalid(unauthorized);
                if (unauthorized)
                {
                    LogUnauthorized(_logger, route.Key);
                }
                else if (streak >= DiscordRateLimiter.InvalidRequestStreakLimit)
                {
                    LogInvalidStreak(_logger, streak, route.Key);
                }
            }

            return new(Outcome.Fail, default, failure);
        }
    }

    /// <summary>Time spent in the bucket's queue, the invalid-request cool-down and the global limiter (a few microseconds when nothing held the request).</summary>
    private static void RecordWait(DiscordRoute route, TimeSpan waited)
    {
        if (waited >= MeasurableWait)
        {
            DiscordMetrics.RestRateLimitWait.Add(waited.TotalSeconds, new("method", route.Method.Method), new("route", route.Template));
        }
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, Payload? content)
    {
        var request = new HttpRequestMessage(route.Method, route.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        if (content is null)
        {
            return request;
        }

        var json = new ByteArrayContent(content.Json);
        json.Headers.ContentType = JsonContentType;
        if (content.Files.Count == 0)
        {
            request.Content = json;
            return request;
        }

        // Built afresh for every attempt: a retried request cannot reuse a sent HttpContent.
        var form = new MultipartFormDataContent { { json, "payload_json" } };
        for (var i = 0; i < content.Files.Count; i++)
        {
            var file = content.Files[i];
            var part = new ReadOnlyMemoryContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(part, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), file.Filename);
        }

        request.Content = form;
        return request;
    }

    /// <summary>Full jitter: a random wait up to base × 2^(failures−1), at most 30 s.</summary>
    private TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(_options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, failures - 1), 30_000);
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private static TimeSpan RetryAfter(DiscordErrorBody? error, HttpResponseHeaders headers)
    {
        if (error?.RetryAfter is { } seconds && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var header = DiscordRateLimiter.Header(headers, "Retry-After");
        return double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value)
            : TimeSpan.FromSeconds(1);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, DiscordRoute route, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return default!;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return (await JsonSerializer.DeserializeAsync<T>(stream, DiscordJson.Options, cancellationToken).ConfigureAwait(false))!;
            }
            catch (JsonException exception)
            {
                throw new DiscordApiException($"{route.Key} answered {(int)response.StatusCode} with JSON this client cannot read: {exception.Message}", exception);
            }
        }
    }

    private static async Task<DiscordErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<DiscordErrorBody>(text, DiscordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DiscordApiException Failure(DiscordRoute route, HttpStatusCode status, DiscordErrorBody? error) =>
        new(route.Key, status, error?.Code, error?.Message, DiscordApiException.FlattenErrors(error?.Errors));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limited {Route}: retrying after {RetryAfterSeconds:0.###} s (global {Global}, scope {Scope})")]
    private static partial void LogRateLimited(ILogger logger, string route, double retryAfterSeconds, bool global, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed ({Error}); retrying in {DelaySeconds:0.###} s")]
    private static partial void LogRetry(ILogger logger, string route, string error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord rejected the bot token on {Route} (401); no further requests will be sent. Check Discord:Token")]
    private static partial void LogUnauthorized(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Streak} invalid Discord requests in a row (last {Route}); slowing down to avoid a ban")]
    private static partial void LogInvalidStreak(ILogger logger, int streak, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Streak} invalid Discord requests in a row: waiting {CooldownSeconds:0.###} s before {Route}")]
    private static partial void LogInvalidStreakCooldown(ILogger logger, int streak, double cooldownSeconds, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application commands unchanged ({Count}, guild {GuildId}, 0 = global); not re-registering")]
    private static partial void LogCommandsUnchanged(ILogger logger, int count, Snowflake guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} application commands (guild {GuildId}, 0 = global)")]
    private static partial void LogCommandsRegistered(ILogger logger, int count, Snowflake guildId);

    private enum Outcome
    {
        Done,
        Fail,
        RetryWithBackoff,
        RetryAfterRateLimit,
    }

    private readonly record struct Attempt<T>(Outcome Outcome, T? Value, DiscordApiException? Error);
}
