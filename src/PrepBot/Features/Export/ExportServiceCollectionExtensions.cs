using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Settings;

namespace PrepBot.Features.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary><c>/me export</c>: a learner's own data as files.</summary>
    public static IServiceCollection AddPrepBotExport(this IServiceCollection services)
    {
        services.AddSingleton<LearnerRowReader>();
        services.AddSingleton<LearnerDataExport>();
        services.AddSingleton<ExportHandler>();
        services.AddCommand<ExportHandler>(ExportHandler.Command, (handler, request, ct) => handler.HandleAsync(request.Learner, ct), parent: MeCommands.Name);
        return services;
    }
}
