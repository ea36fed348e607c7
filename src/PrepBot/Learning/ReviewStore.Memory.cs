using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Learning;

/// <summary>One card's FSRS memory, for predicting recall on a given day.</summary>
public sealed record CardMemory(string CardId, FsrsMemory Memory);

/// <summary>What the start-up replay of the review log computed.</summary>
public sealed record MemoryBackfill(int Learners, int Cards, int Reviews);

/// <summary>
/// The FSRS memory of every card (stability and difficulty, updated by every grade whichever scheduler the learner uses),
/// the learner's scheduling profile as the grade reads it, re-dating on a scheduler change, and the replay that fills the
/// memory of cards graded before it was kept.
/// </summary>
public sealed partial class ReviewStore
{
    private const string SelectProfile = """SELECT "Scheduler", "DesiredRetention", "Weights" FROM "FsrsProfiles" WHERE "LearnerId" = @learner""";

    private const string SelectMemories = $"""
        SELECT "CardId", "Stability", "Difficulty", "LastReviewedAt" FROM "CardStates"
        WHERE "LearnerId" = @learner AND "Stability" IS NOT NULL AND "Difficulty" IS NOT NULL AND {NotSuspended}
        """;

    private const string SelectLearnersWithoutMemory = """
        SELECT l."Id", l."TimeZoneId" FROM "Learners" l
        WHERE EXISTS (SELECT 1 FROM "CardStates" s WHERE s."LearnerId" = l."Id" AND s."Stability" IS NULL)
        """;

    // Oldest first per card; Id keeps grades given at the same instant in the order they were recorded.
    private const string SelectLiveLog = """
        SELECT "Id", "CardId", "Quality", "AnsweredAt" FROM "ReviewLogs"
        WHERE "LearnerId" = @learner AND "UndoneAt" IS NULL
        ORDER BY "CardId", "AnsweredAt", "Id"
        """;

    private const string SetLogMemory = """UPDATE "ReviewLogs" SET "PreviousStability" = @s, "PreviousDifficulty" = @d WHERE "Id" = @id""";

    private const string SetStateMemory = """
        UPDATE "CardStates" SET "Stability" = @s, "Difficulty" = @d WHERE "LearnerId" = @learner AND "CardId" = @card AND "Stability" IS NULL
        """;

    /// <summary>Every card the learner has seen and not suspended, with its FSRS memory.</summary>
    public async Task<IReadOnlyList<CardMemory>> GetMemoriesAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, SelectMemories, ("@learner", learnerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var memories = new List<CardMemory>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            memories.Add(new CardMemory(
                reader.GetString(0),
                new FsrsMemory(reader.GetDouble(1), reader.GetDouble(2), StorageEncoding.Instant(reader.GetInt64(3)))));
        }

        return memories;
    }

    /// <summary>
    /// Fills the FSRS memory of every card that has none (cards graded before PrepBot kept it) by replaying the learner's
    /// counted grades with the default weights, and the memory before each grade on its log row (so an undo restores it).
    /// One transaction per learner; only rows still empty are written, so it is safe to run again after a crash.
    /// </summary>
    internal async Task<MemoryBackfill> BackfillMemoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await StoreCommand.RunAsync(db, ct => BackfillMemoryOnceAsync(db, ct), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<MemoryBackfill> BackfillMemoryOnceAsync(PrepBotDbContext db, CancellationToken cancellationToken)
    {
        var connection = await StoreCommand.OpenConnectionAsync(db, cancellationToken).ConfigureAwait(false);
        var learners = new List<(long Id, string Zone)>();
        await using (var select = Command(connection, null, SelectLearnersWithoutMemory))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                learners.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        int cards = 0, reviews = 0;
        var parameters = FsrsParameters.Default.WithFuzz(false);
        foreach (var (learnerId, zoneId) in learners)
        {
            var fsrs = FsrsScheduler.ForStudyDays(parameters, StudyCalendar.FindZone(zoneId) ?? TimeZoneInfo.Utc);
            await using var transaction = await StoreCommand.BeginWriteAsync(connection, LockScope.Learner, learnerId, cancellationToken).ConfigureAwait(false);
            var log = new List<(long Id, string CardId, int Quality, DateTimeOffset At)>();
            await using (var select = Command(transaction, SelectLiveLog, ("@learner", learnerId)))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    log.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), StorageEncoding.Instant(reader.GetInt64(3))));
                }
            }

            foreach (var (cardId, grades) in Replay(fsrs, log.Select(g => (g.Id, g.CardId, g.Quality, g.At))))
            {
                foreach (var (id, before, _) in grades)
                {
                    if (before is not null)
                    {
                        await using var set = Command(transaction, SetLogMemory, ("@s", before.Stability), ("@d", before.Difficulty), ("@id", id));
                        await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    reviews++;
                }

                var memory = grades[^1].After;
                await using var state = Command(transaction, SetStateMemory,
                    ("@s", memory.Stability), ("@d", memory.Difficulty), ("@learner", learnerId), ("@card", cardId));
                cards += await state.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new MemoryBackfill(learners.Count, cards, reviews);
    }

    /// <summary>
    /// Re-dates every card of the learner by <paramref name="profile"/>'s scheduler, counted from each card's last review:
    /// SM-2 by its interval, FSRS by the interval at which recall falls to the learner's retention. A card being re-drilled
    /// keeps today's place in the queue. Changed on <paramref name="db"/>, saved by the caller in its transaction.
    /// </summary>
    internal static async Task<int> RedateAsync(
        PrepBotDbContext db, long learnerId, SchedulingProfile profile, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(profile);
        var cards = await db.CardStates.Where(s => s.LearnerId == learnerId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var fsrs = FsrsScheduler.ForStudyDays(profile.Parameters, zone);
        foreach (var card in cards)
        {
            var interval = profile.Scheduler == SchedulerKind.Fsrs && card.Stability is { } s && card.Difficulty is { } d
                ? fsrs.IntervalFor(new FsrsMemory(s, d, card.LastReviewedAt), FsrsScheduler.FuzzSeed(learnerId, card.CardId, card.Version))
                : card.IntervalDays;
            card.ScheduledDue = StudyCalendar.DueAfter(card.LastReviewedAt, interval, zone);
            if (!(card.InRedrill && now < card.ScheduledDue))
            {
                card.InRedrill = false;
                card.Due = card.ScheduledDue;
            }
        }

        return cards.Count;
    }

    /// <summary>
    /// Replays the learner's counted grades with <paramref name="parameters"/> (new weights after a fit) and puts the result
    /// on every card and, as the memory before each grade, on every log row. Changed on <paramref name="db"/>, saved by the
    /// caller in its transaction.
    /// </summary>
    internal static async Task RecomputeMemoryAsync(
        PrepBotDbContext db, long learnerId, FsrsParameters parameters, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var logs = await db.ReviewLogs.Where(r => r.LearnerId == learnerId && r.UndoneAt == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var states = await db.CardStates.Where(s => s.LearnerId == learnerId)
            .ToDictionaryAsync(s => s.CardId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var byId = logs.ToDictionary(l => l.Id);
        var fsrs = FsrsScheduler.ForStudyDays(parameters.WithFuzz(false), zone);
        var ordered = logs.OrderBy(l => l.CardId, StringComparer.Ordinal).ThenBy(l => l.AnsweredAt).ThenBy(l => l.Id);
        foreach (var (cardId, grades) in Replay(fsrs, ordered.Select(l => (l.Id, l.CardId, l.Quality, l.AnsweredAt))))
        {
            foreach (var (id, before, _) in grades)
            {
                byId[id].PreviousStability = before?.Stability;
                byId[id].PreviousDifficulty = before?.Difficulty;
            }

            if (states.TryGetValue(cardId, out var state))
            {
                state.Stability = grades[^1].After.Stability;
                state.Difficulty = grades[^1].After.Difficulty;
            }
        }
    }

    /// <summary>
    /// FSRS memory through each card's grades (given in card, then time order): the memory before each grade (null before
    /// the first) and after it.
    /// </summary>
    private static IEnumerable<(string CardId, List<(long Id, FsrsMemory? Before, FsrsMemory After)> Grades)> Replay(
        FsrsScheduler fsrs, IEnumerable<(long Id, string CardId, int Quality, DateTimeOffset At)> log)
    {
        string? card = null;
        List<(long, FsrsMemory?, FsrsMemory)> grades = [];
        FsrsMemory? memory = null;
        foreach (var (id, cardId, quality, at) in log)
        {
            if (!string.Equals(card, cardId, StringComparison.Ordinal))
            {
                if (card is not null)
                {
                    yield return (card, grades);
                }

                (card, grades, memory) = (cardId, [], null);
            }

            var reviewTime = memory is not null && at < memory.LastReview ? memory.LastReview : at;
            var after = fsrs.Next(memory, FsrsRatings.FromSm2Quality(quality), reviewTime).Memory;
            grades.Add((id, memory, after));
            memory = after;
        }

        if (card is not null)
        {
            yield return (card, grades);
        }
    }

    // Read inside the grade's transaction, so a scheduler change is either wholly before or wholly after the grade.
    /// <summary>The learner's scheduling profile from a row of <see cref="SelectProfile"/>.</summary>
    private static SchedulingProfile ReadProfile(DbDataReader reader) => SchedulingProfile.From(
        (SchedulerKind)reader.GetInt32(0),
        reader.IsDBNull(1) ? null : reader.GetDouble(1),
        reader.IsDBNull(2) ? null : reader.GetString(2));
}
