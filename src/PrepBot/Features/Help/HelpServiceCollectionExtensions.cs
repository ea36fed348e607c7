using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;

namespace PrepBot.Features.Help;

public static class HelpServiceCollectionExtensions
{
    /// <summary><c>/help</c>: every registered command the learner may run.</summary>
    public static IServiceCollection AddPrepBotHelp(this IServiceCollection services)
    {
        services.AddSingleton<HelpHandler>();
        services.AddCommand<HelpHandler>(new CommandDescriptor("help", "What PrepBot can do."), (handler, request, ct) => Task.FromResult(handler.Handle(request.Who.CanManageServer)));
        return services;
    }
}
