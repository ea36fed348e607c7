using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Tests.Architecture.Synthetic.Features.Quiz;

/// <summary>Reads the database from inside an async method (a compiler-made state machine): only a store may.</summary>
internal sealed class QuizScoreReader(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    public async Task<int> CountAsync()
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        return await db.Learners.CountAsync();
    }
}

/// <summary>The same reading, in a store.</summary>
internal sealed class QuizStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    public async Task<int> CountAsync()
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        return await db.Learners.CountAsync();
    }
}
