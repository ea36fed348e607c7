using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PrepBot.Data.Postgres;

/// <summary>
/// <see cref="PrepBotDbContext"/> on PostgreSQL: the same model and conventions (instants as Unix milliseconds in
/// <c>bigint</c>, days as <c>date</c>), with migrations of its own in <c>Data/Migrations/Postgres</c>, as EF Core's "migrations
/// with multiple providers" suggests. Stores keep asking for <c>IDbContextFactory&lt;PrepBotDbContext&gt;</c>:
/// <see cref="PostgresDatabase.CreateFactory"/> hands them instances of this class. The migrations are made with
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/PrepBot --context PostgresPrepBotDbContext --output-dir Data/Migrations/Postgres</c>
/// (or <c>.ci/postgres-migration</c>, which re-creates the initial one from the current model).
/// </summary>
public sealed class PostgresPrepBotDbContext(DbContextOptions<PostgresPrepBotDbContext> options) : PrepBotDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (making a migration connects to none).</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresPrepBotDbContext>
{
    public PostgresPrepBotDbContext CreateDbContext(string[] args) =>
        new(PostgresDatabase.Options("Host=localhost;Database=prepbot_design_time"));
}
