using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>Queue places of <c>/mock queue</c> and scheduled cohort sessions of <c>/mock schedule</c>.</summary>
public sealed partial class MockStore
{
    public async Task<MockQueueEntry?> FindQueueEntryAsync(long entryId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockQueueEntries.AsNoTracking().SingleOrDefaultAsync(q => q.Id == entryId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's place in this server's queue, lapsed or not.</summary>
    public async Task<MockQueueEntry?> QueuePlaceAsync(string guildId, long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockQueueEntries.AsNoTracking().SingleOrDefaultAsync(q => q.GuildId == guildId && q.LearnerId == learnerId, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Everyone else waiting in this server's queue for <paramref name="kind"/>.</summary>
    public async Task<List<MockQueueEntry>> WaitingAsync(string guildId, MockKind kind, long exceptLearnerId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockQueueEntries.AsNoTracking()
            .Where(q => q.GuildId == guildId && q.Kind == kind && q.LearnerId != exceptLearnerId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<MockQueueEntry>> QueueEntriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockQueueEntries.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one queue place; false if it was gone already (whoever deletes a place has matched or expired it).</summary>
    public async Task<bool> RemoveQueueEntryAsync(long entryId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockQueueEntries.Where(q => q.Id == entryId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>These learners leave every queue they wait in (they have a seat now).</summary>
    public async Task LeaveQueuesAsync(IReadOnlyCollection<long> learnerIds, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.MockQueueEntries.Where(q => learnerIds.Contains(q.LearnerId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a new queue place, replacing the learner's lapsed one in the same write.</summary>
    public async Task EnqueueAsync(MockQueueEntry entry, MockQueueEntry? replacing, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (replacing is not null)
        {
            db.MockQueueEntries.Remove(replacing);
        }

        db.MockQueueEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PendingScheduleCountAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockScheduledSessions.CountAsync(s => s.GuildId == guildId && s.PostedAt == null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<MockScheduledSession>> PendingSchedulesAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockScheduledSessions.AsNoTracking().Where(s => s.PostedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MockScheduledSession?> FindScheduledAsync(long scheduledId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockScheduledSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduledId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a new scheduled cohort session; <paramref name="scheduled"/> gets its id.</summary>
    public async Task AddScheduledAsync(MockScheduledSession scheduled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        db.MockScheduledSessions.Add(scheduled);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the lobby of a scheduled cohort session (<paramref name="lobby"/> gets its id) and returns true; false when that
    /// scheduled session has a lobby already (another run of its reminder, e.g. in another process, made it a moment ago).
    /// </summary>
    public async Task<bool> AddScheduledLobbyAsync(MockSession lobby, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lobby);
        if (lobby.ScheduledSessionId is null)
        {
            throw new ArgumentException("A scheduled lobby names its scheduled session.", nameof(lobby));
        }

        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        db.MockSessions.Add(lobby);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException ex) when (StoreCommand.IsUniqueViolation(ex))
        {
            // Unique scheduled session id: one lobby per scheduled session.
            return false;
        }
    }

    /// <summary>The lobby session of a scheduled cohort session, or null if none was made yet.</summary>
    public async Task<MockSession?> ScheduledLobbyAsync(long scheduledId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.ScheduledSessionId == scheduledId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The scheduled session's turn is over: it is marked posted at <paramref name="now"/>, and in the same write its lobby
    /// session (if any) records the posted lobby message, or closes as expired when <paramref name="lobbyMessageId"/> is null.
    /// </summary>
    public async Task RecordScheduledPostAsync(long scheduledId, long? sessionId, string? lobbyMessageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var scheduled = await db.MockScheduledSessions.SingleAsync(s => s.Id == scheduledId, cancellationToken).ConfigureAwait(false);
        scheduled.PostedAt = now;
        if (sessionId is { } id)
        {
            var session = await db.MockSessions.SingleAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
            if (lobbyMessageId is not null)
            {
                session.LobbyMessageId = lobbyMessageId;
            }
            else
            {
                session.State = MockState.Expired;
                session.FinishedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
