using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PrepBot.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Registers content loading: <see cref="ContentOptions"/> (section <c>Content</c>, validated at
    /// start), <see cref="CardParser"/>, <see cref="ContentChecker"/>, the <see cref="CardCatalog"/>
    /// singleton and the <see cref="ContentWatcher"/> hosted service that loads it at start. Call it
    /// before the transports so the catalog is loaded before they start.
    /// </summary>
    public static IServiceCollection AddPrepBotContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (!string.IsNullOrWhiteSpace(options.Directory))
                {
                    options.Directory = Path.GetFullPath(options.Directory, environment.ContentRootPath);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CardParser>();
        services.TryAddSingleton<ContentChecker>();
        services.TryAddSingleton<CardCatalog>();
        services.AddHostedService<ContentWatcher>();
        return services;
    }
}
