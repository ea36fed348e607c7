using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.SqlPractice;

/// <summary>What a learner has done so far on one card state: queries tried and when the query form was first opened.</summary>
public sealed record SqlAttemptHistory(int Tries, DateTimeOffset? FirstOpenedAt);

/// <summary>Stores every step of answering a SQL card (<see cref="SqlAttempt"/>), so retries count across restarts.</summary>
public sealed class SqlAttemptStore(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    public async Task<SqlAttempt> AddAsync(
        long learnerId, string cardId, int stateVersion, SqlAttemptOutcome outcome, string query, bool hintUsed, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var attempt = new SqlAttempt
        {
            LearnerId = learnerId,
            CardId = cardId,
            StateVersion = stateVersion,
            Outcome = outcome,
            Query = query,
            HintUsed = hintUsed,
            At = time.GetUtcNow(),
        };
        db.SqlAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return attempt;
    }

    /// <summary>The queries submitted so far (any verdict) and the first form opening, for this learner, card and state version.</summary>
    public async Task<SqlAttemptHistory> HistoryAsync(long learnerId, string cardId, int stateVersion, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var steps = await db.SqlAttempts.AsNoTracking()
            .Where(a => a.LearnerId == learnerId && a.CardId == cardId && a.StateVersion == stateVersion)
            .Select(a => new { a.Outcome, a.At })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var tries = steps.Count(s => s.Outcome is not (SqlAttemptOutcome.Opened or SqlAttemptOutcome.GaveUp));
        var opened = steps.Where(s => s.Outcome == SqlAttemptOutcome.Opened).Select(s => (DateTimeOffset?)s.At).Min();
        return new SqlAttemptHistory(tries, opened);
    }

    /// <summary>Every step of a learner on a card, oldest first.</summary>
    public async Task<IReadOnlyList<SqlAttempt>> ListAsync(long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SqlAttempts.AsNoTracking()
            .Where(a => a.LearnerId == learnerId && a.CardId == cardId)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
