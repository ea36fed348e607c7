using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PrepBot.Data;

/// <summary>Ready when the database file opens and answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PrepBotDbContext> contextFactory) : IHealthCheck
{
    // The framework's AddDbContextCheck resolves a DbContext from DI; PrepBot registers only a pooled factory, so the check uses that.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("the database cannot be opened");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be opened: {ex.GetType().Name}");
        }
    }
}
