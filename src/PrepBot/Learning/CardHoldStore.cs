using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PrepBot.Data;

namespace PrepBot.Learning;

public enum SkipResult
{
    /// <summary>The card is put aside until the time asked.</summary>
    Skipped,

    /// <summary>It was already skipped for at least that long (a second press): nothing changed.</summary>
    AlreadySkipped,

    /// <summary>The learner has answered it: "Not now" is for new cards; nothing changed.</summary>
    NotNew,

    /// <summary>It is suspended, which already keeps it away: nothing changed.</summary>
    Suspended,
}

/// <summary>A card the learner suspended, and when.</summary>
public sealed record SuspendedCard(string CardId, DateTimeOffset SuspendedAt);

/// <summary>
/// Cards a learner has put aside: "Not now" on a new card (skipped until their next study day) and Suspend (until they
/// resume it). The owner of <c>CardHolds</c>; <see cref="ReviewStore"/>'s due queries read it so that a suspended card is
/// never due. Each change is one transaction that reads before it writes, so a double press changes things once.
/// </summary>
public sealed class CardHoldStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Puts the new card <paramref name="cardId"/> aside until <paramref name="until"/>; refused once the learner has answered it.</summary>
    public async Task<SkipResult> SkipAsync(long learnerId, string cardId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(db, ct => SkipOnceAsync(db, learnerId, cardId, until, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Suspends the card for the learner (a skip becomes a suspension); false when it was already suspended.</summary>
    public async Task<bool> SuspendAsync(long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(db, ct => SuspendOnceAsync(db, learnerId, cardId, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A transaction that reads before it writes: SQLite's BEGIN IMMEDIATE, or PostgreSQL's learner lock, so of two presses
    /// at once the second sees the first's row. The change tracker starts empty, so a re-run after a lost connection starts over.
    /// </summary>
    private static async Task<IDbContextTransaction> BeginAsync(PrepBotDbContext db, long learnerId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommand.LockAsync(db, LockScope.Learner, learnerId, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    private async Task<SkipResult> SkipOnceAsync(PrepBotDbContext db, long learnerId, string cardId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(db, learnerId, cancellationToken).ConfigureAwait(false);
        if (await db.CardStates.AnyAsync(s => s.LearnerId == learnerId && s.CardId == cardId, cancellationToken).ConfigureAwait(false))
        {
            return SkipResult.NotNew;
        }

        var hold = await db.CardHolds.SingleOrDefaultAsync(h => h.LearnerId == learnerId && h.CardId == cardId, cancellationToken).ConfigureAwait(false);
        if (hold is { Kind: CardHoldKind.Suspended })
        {
            return SkipResult.Suspended;
        }

        if (hold is { Until: { } held } && held >= until)
        {
            return SkipResult.AlreadySkipped;
        }

        if (hold is null)
        {
            hold = new CardHold { LearnerId = learnerId, CardId = cardId };
            db.CardHolds.Add(hold);
        }

        hold.Kind = CardHoldKind.Skipped;
        hold.Until = until;
        hold.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return SkipResult.Skipped;
    }

    private async Task<bool> SuspendOnceAsync(PrepBotDbContext db, long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(db, learnerId, cancellationToken).ConfigureAwait(false);
        var hold = await db.CardHolds.SingleOrDefaultAsync(h => h.LearnerId == learnerId && h.CardId == cardId, cancellationToken).ConfigureAwait(false);
        if (hold is { Kind: CardHoldKind.Suspended })
        {
            return false;
        }

        if (hold is null)
        {
            hold = new CardHold { LearnerId = learnerId, CardId = cardId };
            db.CardHolds.Add(hold);
        }

        hold.Kind = CardHoldKind.Suspended;
        hold.Until = null;
        hold.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Resumes a suspended card (it is served and counted as due again); false when it was not suspended.</summary>
    public async Task<bool> ResumeAsync(long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.CardHolds
            .Where(h => h.LearnerId == learnerId && h.CardId == cardId && h.Kind == CardHoldKind.Suspended)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    /// <summary>The learner's suspended cards, most recently suspended first.</summary>
    public async Task<IReadOnlyList<SuspendedCard>> GetSuspendedAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardHolds.AsNoTracking()
            .Where(h => h.LearnerId == learnerId && h.Kind == CardHoldKind.Suspended)
            .Select(h => new { h.CardId, h.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.CardId, StringComparer.Ordinal).Select(r => new SuspendedCard(r.CardId, r.CreatedAt))];
    }

    /// <summary>Cards not to serve the learner at <paramref name="now"/>: suspended ones and ones skipped until later.</summary>
    public async Task<IReadOnlySet<string>> GetHeldCardIdsAsync(long learnerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardHolds.AsNoTracking()
            .Where(h => h.LearnerId == learnerId)
            .Select(h => new { h.CardId, h.Kind, h.Until })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(r => r.Kind == CardHoldKind.Suspended || r.Until > now).Select(r => r.CardId).ToHashSet(StringComparer.Ordinal);
    }
}
