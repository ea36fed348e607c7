using Microsoft.Extensions.Options;

namespace PrepBot.Discord;

/// <summary>Checks <see cref="DiscordOptions"/> at start; each failure names its configuration key (<c>Discord:Token</c>, …).</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var key = DiscordOptions.SectionName;

        if (!options.HasToken)
        {
            failures.Add($"{key}:Token is empty: set the bot token (environment variable PrepBot__Discord__Token or user-secrets).");
        }
        else if (options.Token.Any(char.IsWhiteSpace) || options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{key}:Token must be the bare token, without spaces or a 'Bot ' prefix.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key}:ApiBaseUrl must be an absolute http(s) URL (default {DiscordOptions.DefaultApiBaseUrl}); got '{options.ApiBaseUrl}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
        {
            failures.Add($"{key}:GatewayUrl must be an absolute ws:// or wss:// URL, or empty; got '{options.GatewayUrl}'.");
        }

        if (options.ShardCount is < 1)
        {
            failures.Add($"{key}:ShardCount must be 1 or more, or empty to use Discord's recommendation; got {options.ShardCount}.");
        }

        if (!string.IsNullOrWhiteSpace(options.ShardIds))
        {
            if (options.ShardCount is null)
            {
                failures.Add($"{key}:ShardIds needs {key}:ShardCount.");
            }
            else if (!ShardRange.TryParse(options.ShardIds, options.ShardCount.Value, out _, out var error))
            {
                failures.Add($"{key}:ShardIds {error}");
            }
        }

        if (options.GlobalRateLimitPerSecond < 1)
        {
            failures.Add($"{key}:GlobalRateLimitPerSecond must be 1 or more; got {options.GlobalRateLimitPerSecond}.");
        }

        if (!string.IsNullOrWhiteSpace(options.DevelopmentGuildId) && !Snowflake.TryParse(options.DevelopmentGuildId, out _))
        {
            failures.Add($"{key}:DevelopmentGuildId must be a guild id (digits only), or empty; got '{options.DevelopmentGuildId}'.");
        }

        if (!Uri.TryCreate(options.UserAgentUrl, UriKind.Absolute, out _))
        {
            failures.Add($"{key}:UserAgentUrl must be an absolute URL; got '{options.UserAgentUrl}'.");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"{key}:MaxRetries must be between 0 and 20; got {options.MaxRetries}.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{key}:RetryBaseDelay must be more than 0 and at most 00:01:00; got {options.RetryBaseDelay}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
