using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Terminal;

public static class TerminalServiceCollectionExtensions
{
    private const int TerminalMessageLength = 2000;

    /// <summary>
    /// The terminal front end: a practice session on the console (a test registers its own <see cref="TerminalIO"/>
    /// after this call) that starts by printing <paramref name="why"/> it runs locally and where it keeps things.
    /// </summary>
    public static IServiceCollection AddTerminalTransport(this IServiceCollection services, string why)
    {
        services.AddOptions<PracticeOptions>().BindConfiguration(PracticeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PracticeOptions>, PracticeOptionsValidator>());
        services.AddSingleton(TerminalIO.Console);

        // The terminal prints any length; it keeps replies the size they have on Discord so both read the same.
        services.Replace(ServiceDescriptor.Singleton(new ReplyLimits(TerminalMessageLength)));
        services.AddSingleton(provider => new StartupBanner(
            $"{why} on the cards in {provider.GetRequiredService<IOptions<ContentOptions>>().Value.Directory}, progress saved in {provider.GetRequiredService<DatabaseLocation>().Display}."));
        services.AddHostedService<PracticeSession>();
        return services;
    }
}
