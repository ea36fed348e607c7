using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Learning;

/// <summary>One grade's time and value, for streaks and statistics.</summary>
public sealed record ReviewMoment(DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);

/// <summary>One grade of one card, for per-topic statistics.</summary>
public sealed record CardReview(string CardId, DateTimeOffset AnsweredAt, int Quality, ReviewKind Kind);

/// <summary>Reads of card states and the review log: due queues, seen cards, counts, leeches; and the pause's due-date shifts.</summary>
public sealed partial class ReviewStore
{
    /// <summary>
    /// The learner's cards due at <paramref name="now"/>: scheduled reviews longest-waiting first, then same-day re-drills
    /// (one range scan of the (learner, due) index).
    /// </summary>
    public async Task<IReadOnlyList<DueCard>> GetDueAsync(long learnerId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        return await ReadDueAsync(connection, learnerId, now, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's cards that fall due at or before <paramref name="until"/>, with when (a range of the due index); suspended cards left out.</summary>
    public async Task<IReadOnlyList<(string CardId, DateTimeOffset Due)>> GetDueUntilAsync(long learnerId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardStates
            .Where(s => s.LearnerId == learnerId && s.Due <= until
                && !db.CardHolds.Any(h => h.LearnerId == s.LearnerId && h.CardId == s.CardId && h.Kind == CardHoldKind.Suspended))
            .Select(s => new { s.CardId, s.Due })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.CardId, r.Due))];
    }

    public async Task<CardStateSnapshot> GetStateAsync(long learnerId, string cardId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var state = await db.CardStates.AsNoTracking()
            .SingleOrDefaultAsync(s => s.LearnerId == learnerId && s.CardId == cardId, cancellationToken)
            .ConfigureAwait(false);
        return state is null ? CardStateSnapshot.Unseen(cardId) : CardStateSnapshot.From(state);
    }

    /// <summary>Ids of every card the learner has graded at least once.</summary>
    public async Task<IReadOnlySet<string>> GetSeenCardIdsAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.CardStates.Where(s => s.LearnerId == learnerId).Select(s => s.CardId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>When each of the learner's grades since <paramref name="since"/> was given, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewMoment>> GetReviewMomentsAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .OrderBy(r => r.AnsweredAt)
            .Select(r => new ReviewMoment(r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's grades from <paramref name="since"/> until before <paramref name="until"/>, in no particular order.</summary>
    public async Task<IReadOnlyList<ReviewMoment>> GetReviewMomentsAsync(long learnerId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since && r.AnsweredAt < until)
            .Select(r => new ReviewMoment(r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many grades of each kind the learner has given since <paramref name="since"/> (kinds without grades left out).</summary>
    public async Task<IReadOnlyDictionary<ReviewKind, int>> CountGradesSinceAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .GroupBy(r => r.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(c => c.Kind, c => c.Count);
    }

    /// <summary>When each of <paramref name="learnerIds"/> last answered a card (learners who never did are left out).</summary>
    public async Task<IReadOnlyDictionary<long, DateTimeOffset>> GetLastAnsweredAsync(IReadOnlyCollection<long> learnerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learnerIds);
        if (learnerIds.Count == 0)
        {
            return new Dictionary<long, DateTimeOffset>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => learnerIds.Contains(r.LearnerId))
            .GroupBy(r => r.LearnerId)
            .Select(g => new { LearnerId = g.Key, Last = g.Max(r => r.AnsweredAt) })
            .ToDictionaryAsync(x => x.LearnerId, x => x.Last, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every learner's cards due at <paramref name="now"/>, streamed (one scan of the due dates, for the reminder run);
    /// <paramref name="onCard"/> sees each (learner, card) pair.
    /// </summary>
    public async Task ScanAllDueAsync(DateTimeOffset now, Action<long, string> onCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onCard);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection, null, $"""SELECT "LearnerId", "CardId" FROM "CardStates" WHERE "Due" <= @now AND {NotSuspended}""", ("@now", StorageEncoding.Millis(now)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            onCard(reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>
    /// A pause moves the learner's cards due from <paramref name="from"/> until before <paramref name="until"/> by
    /// <paramref name="shift"/> (their scheduled due too when it falls in that range). The cards are changed on
    /// <paramref name="db"/>, so they are saved by the caller's SaveChanges in the caller's transaction; returns their ids.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> ShiftDueAsync(
        PrepBotDbContext db, long learnerId, DateTimeOffset from, DateTimeOffset until, Func<DateTimeOffset, DateTimeOffset> shift,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shift);
        var cards = await db.CardStates.Where(s => s.LearnerId == learnerId && s.Due >= from && s.Due < until)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var card in cards)
        {
            var scheduledInPause = card.ScheduledDue >= from && card.ScheduledDue < until;
            card.Due = shift(card.Due);
            if (scheduledInPause)
            {
                card.ScheduledDue = shift(card.ScheduledDue);
            }
        }

        return [.. cards.Select(c => c.CardId)];
    }

    /// <summary>
    /// A pause ended early: the cards <paramref name="cardIds"/> not answered after <paramref name="pausedAt"/> move by
    /// <paramref name="shift"/>, never before <paramref name="earliest"/> (their scheduled due with them when it was their due).
    /// Changed on <paramref name="db"/> as <see cref="ShiftDueAsync"/>; returns how many moved.
    /// </summary>
    internal static async Task<int> ShiftBackAsync(
        PrepBotDbContext db, long learnerId, string[] cardIds, DateTimeOffset pausedAt, Func<DateTimeOffset, DateTimeOffset> shift, DateTimeOffset earliest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shift);
        var cards = await db.CardStates.Where(s => s.LearnerId == learnerId && cardIds.Contains(s.CardId) && s.LastReviewedAt <= pausedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var card in cards)
        {
            var wasScheduled = card.ScheduledDue == card.Due;
            var back = shift(card.Due);
            card.Due = back < earliest ? earliest : back;
            if (wasScheduled)
            {
                card.ScheduledDue = card.Due;
            }
        }

        return cards.Count;
    }

    /// <summary>Which card each of the learner's grades since <paramref name="since"/> was for, oldest first (per-topic retention).</summary>
    public async Task<IReadOnlyList<CardReview>> GetCardReviewsAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Counted(db)
            .Where(r => r.LearnerId == learnerId && r.AnsweredAt >= since)
            .OrderBy(r => r.AnsweredAt)
            .Select(r => new CardReview(r.CardId, r.AnsweredAt, r.Quality, r.Kind))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The learner's cards with at least <paramref name="minLapses"/> lapses (leeches, see <see cref="LearningOptions.IsLeech"/>),
    /// most lapses first.
    /// </summary>
    public async Task<IReadOnlyList<(string CardId, int Lapses)>> GetLeechesAsync(long learnerId, int minLapses, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CardStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.Lapses >= minLapses)
            .Select(s => new { s.CardId, s.Lapses })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.Lapses).ThenBy(r => r.CardId, StringComparer.Ordinal).Select(r => (r.CardId, r.Lapses))];
    }

    /// <summary>The grades that count: every review-log row but the undone ones.</summary>
    private static IQueryable<ReviewLog> Counted(PrepBotDbContext db) => db.ReviewLogs.AsNoTracking().Where(r => r.UndoneAt == null);

    private static async Task<IReadOnlyList<DueCard>> ReadDueAsync(DbConnection connection, long learnerId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, DueSql, ("@learner", learnerId), ("@now", StorageEncoding.Millis(now)), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<DueCard>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueCard(reader.GetString(0), StorageEncoding.Instant(reader.GetInt64(1)), reader.GetBoolean(2), reader.GetInt32(3)));
        }

        return due;
    }
}
