using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Discord.Gateway;
using PrepBot.Discord.Rest;

namespace PrepBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>The service key of the clock the Discord client runs on (see <see cref="AddDiscordClient"/>).</summary>
    public const string ClockKey = "discord";

    /// <summary>
    /// Registers the Discord client: <see cref="DiscordOptions"/> bound from <c>Discord</c> in
    /// <paramref name="configuration"/> and validated at start, <see cref="DiscordRestClient"/> as a typed HttpClient
    /// (base <c>Discord:ApiBaseUrl</c>, <c>Authorization: Bot</c>, <c>User-Agent: DiscordBot (url, version)</c>), the
    /// shared <see cref="DiscordRateLimiter"/>, and <see cref="DiscordGatewayClient"/> (a singleton the host runs) with the
    /// in-process <see cref="IdentifyGate"/> unless an <see cref="IIdentifyCoordinator"/> is registered (shards over processes).
    /// Uses the registered <see cref="TimeProvider"/>, or the system clock; a <see cref="TimeProvider"/> registered with the
    /// key <see cref="ClockKey"/> overrides it for the client alone (tests drive the bot's schedules on a fake clock while
    /// heartbeats and rate limits keep real time).
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(sp => new DiscordRateLimiter(sp.GetRequiredService<IOptions<DiscordOptions>>(), sp.GetRequiredKeyedService<TimeProvider>(ClockKey)));
        services.AddHttpClient<DiscordRestClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.UserAgent.Clear();
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent(options));
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        })
        .RemoveAllLoggers(); // the default logs full URLs, and webhook URLs hold interaction tokens; DiscordRestClient logs route templates
        services.TryAddSingleton<IIdentifyCoordinator>(sp => new IdentifyGate(sp.GetRequiredKeyedService<TimeProvider>(ClockKey)));
        services.TryAddSingleton<DiscordGatewayClient>();
        return services;
    }

    /// <summary><c>DiscordBot (url, version)</c>, as Discord asks bots to identify themselves.</summary>
    public static string UserAgent(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var version = typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"DiscordBot ({options.UserAgentUrl}, {(plus > 0 ? version[..plus] : version)})";
    }
}
