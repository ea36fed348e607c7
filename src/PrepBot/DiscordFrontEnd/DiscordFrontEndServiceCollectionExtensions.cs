using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Discord;
using PrepBot.Discord.Gateway;
using PrepBot.Rendering;

namespace PrepBot.DiscordFrontEnd;

public static class DiscordFrontEndServiceCollectionExtensions
{
    /// <summary>The Discord API client plus the front end that connects the features to it. Scheduling is the host's to add (<c>AddPrepBotScheduling</c>).</summary>
    public static IServiceCollection AddDiscordTransport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection(DataOptions.SectionName).Get<DataOptions>()?.IsPostgres == true)
        {
            // Shards may run in several processes on one database: identifies take their bucket's turn there.
            services.TryAddSingleton<IIdentifyCoordinator, IdentifyBucketStore>();
        }

        services.AddDiscordClient(configuration);
        services.AddOptions<DiscordFrontEndOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordFrontEndOptions>, DiscordFrontEndOptionsValidator>();
        services.AddSingleton<DiscordStatus>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<DiscordMessenger>();
        services.Replace(ServiceDescriptor.Singleton(new ReplyLimits(MessageSplitter.DiscordMessageLimit)));
        services.Replace(ServiceDescriptor.Singleton<IMessenger>(provider => provider.GetRequiredService<DiscordMessenger>()));
        services.AddHostedService<DiscordFrontEndService>();
        return services;
    }
}
