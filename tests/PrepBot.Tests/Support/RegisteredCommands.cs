using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;
using PrepBot.Features;

namespace PrepBot.Tests.Support;

/// <summary>The command catalog as the features register it, without starting a host.</summary>
internal static class RegisteredCommands
{
    public static CommandCatalog Catalog { get; } = Build();

    public static IReadOnlyList<CommandDescriptor> All => Catalog.All;

    private static CommandCatalog Build()
    {
        using var services = new ServiceCollection().AddPrepBotFeatures().BuildServiceProvider();
        return services.GetRequiredService<CommandCatalog>();
    }
}
