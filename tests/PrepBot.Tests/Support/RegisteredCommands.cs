using Microsoft.Extensions.DependencyInjection;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features;

namespace PrepBot.Tests.Support;

/// <summary>The command catalog and autocomplete as the features register them, without starting a host.</summary>
internal static class RegisteredCommands
{
    public static CommandCatalog Catalog { get; } = Build();

    public static IReadOnlyList<CommandDescriptor> All => Catalog.All;

    /// <summary>Autocomplete as the features register it, on <paramref name="cards"/>.</summary>
    public static OptionSuggestions Suggestions(CardCatalog cards)
    {
        using var services = new ServiceCollection().AddSingleton(cards).AddPrepBotFeatures().BuildServiceProvider();
        return services.GetRequiredService<OptionSuggestions>();
    }

    private static CommandCatalog Build()
    {
        using var services = new ServiceCollection().AddPrepBotFeatures().BuildServiceProvider();
        return services.GetRequiredService<CommandCatalog>();
    }
}
