using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Star;

/// <summary>A learner's story bank: saves STAR answers, lists them, finds and deletes one — only ever the learner's own.</summary>
public sealed class StarStoryStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    /// <summary>Stories offered in a list or a select (Discord's select holds 25).</summary>
    public const int ListLimit = 25;

    /// <summary>Saves <paramref name="story"/>; false when this asking of the prompt already has a story (a double submit).</summary>
    public async Task<bool> SaveAsync(StarStory story, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(story);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.StarStories.Add(story);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException ex) when (StoreCommand.IsUniqueViolation(ex))
        {
            // Unique (learner, card, version): the same form was submitted twice.
            return false;
        }
    }

    /// <summary>The learner's newest stories, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<StarStory>> ListAsync(long learnerId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.StarStories.AsNoTracking()
            .Where(s => s.LearnerId == learnerId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.StarStories.CountAsync(s => s.LearnerId == learnerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's story <paramref name="id"/>, or null when there is none or it belongs to someone else.</summary>
    public async Task<StarStory?> FindAsync(long learnerId, long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.StarStories.AsNoTracking()
            .SingleOrDefaultAsync(s => s.LearnerId == learnerId && s.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the learner's story <paramref name="id"/> from the database; false when they have no such story.</summary>
    public async Task<bool> DeleteAsync(long learnerId, long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.StarStories.Where(s => s.LearnerId == learnerId && s.Id == id)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }
}
