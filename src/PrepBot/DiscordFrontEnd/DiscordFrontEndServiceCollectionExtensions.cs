using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Rendering;

namespace PrepBot.DiscordFrontEnd;

public static class DiscordFrontEndServiceCollectionExtensions
{
    /// <summary>The Discord API client plus the front end that connects the features to it. Scheduling is the host's to add (<c>AddPrepBotScheduling</c>).</summary>
    public static IServiceCollection AddDiscordTransport(this IServiceCollection services, IConfiguration configuration)
    {
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
