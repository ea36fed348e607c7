using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrepBot.Content;

namespace PrepBot.Features.SqlPractice;

public static class SqlPracticeServiceCollectionExtensions
{
    /// <summary>
    /// SQL practice: <see cref="SqlPracticeOptions"/> (section <c>SqlPractice</c>, validated at start), the dataset
    /// library, the sandbox, grading, attempts, and the <c>content check</c> verifier for SQL cards.
    /// </summary>
    public static IServiceCollection AddPrepBotSqlPractice(this IServiceCollection services)
    {
        services.AddOptions<SqlPracticeOptions>().BindConfiguration(SqlPracticeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqlPracticeOptions>, SqlPracticeOptionsValidator>());
        services.TryAddSingleton<DatasetLibrary>();
        services.TryAddSingleton<SqlSandbox>();
        services.TryAddSingleton<SqlGrader>();
        services.TryAddSingleton<SqlCardPreview>();
        services.TryAddSingleton<SqlAttemptStore>();
        services.TryAddSingleton<SqlAnswers>();
        services.TryAddSingleton<SqlTryCommand>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContentVerifier, SqlCardVerifier>());
        return services;
    }
}
