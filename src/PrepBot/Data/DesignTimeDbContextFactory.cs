using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PrepBot.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PrepBotDbContext>
{
    public PrepBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PrepBotDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
