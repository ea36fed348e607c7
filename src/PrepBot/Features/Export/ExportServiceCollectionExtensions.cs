using Microsoft.Extensions.DependencyInjection;

namespace PrepBot.Features.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary><c>/me export</c>: a learner's own data as files.</summary>
    public static IServiceCollection AddPrepBotExport(this IServiceCollection services)
    {
        services.AddSingleton<LearnerDataExport>();
        services.AddSingleton<ExportHandler>();
        return services;
    }
}
