using Microsoft.EntityFrameworkCore;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Mock;

/// <summary>A seat someone holds in an open session: why they cannot take another.</summary>
public sealed record MockOpenSeat(MockState State, string? ThreadId);

/// <summary>A learner's latest sessions with their feedbacks and the names of the people in them.</summary>
public sealed record MockHistoryRows(IReadOnlyList<MockSession> Sessions, IReadOnlyList<MockFeedback> Feedbacks, IReadOnlyDictionary<long, string> Names);

/// <summary>
/// Every read and write of the mock interview tables (the people in them come from Learning's <see cref="LearnerStore"/>): sessions here, queue places and
/// scheduled cohort sessions in <c>MockStore.Queue.cs</c>, feedbacks and the history in <c>MockStore.Feedback.cs</c>.
/// State changes are conditional updates of the session row, so the database decides who wins a race; a method that
/// changes state says whether it won.
/// </summary>
public sealed partial class MockStore(IDbContextFactory<PrepBotDbContext> contextFactory, LearnerStore learners)
{
    public async Task<MockSession?> FindSessionAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The host and the two seats of <paramref name="session"/>, by learner id.</summary>
    public async Task<Dictionary<long, Learner>> PeopleAsync(MockSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = new[] { session.HostId, session.InterviewerId, session.CandidateId }.OfType<long>().Distinct().ToList();
        return await learners.GetManyAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    public Task<Learner> LearnerAsync(long learnerId, CancellationToken cancellationToken) => learners.GetAsync(learnerId, cancellationToken);

    /// <summary>An open session (lobby or running round) the learner holds a seat in, or null.</summary>
    public async Task<MockOpenSeat?> OpenSeatAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockSessions.AsNoTracking()
            .Where(s => (s.State == MockState.Lobby || s.State == MockState.Active) && (s.InterviewerId == learnerId || s.CandidateId == learnerId))
            .Select(s => new MockOpenSeat(s.State, s.ThreadId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves a new session; <paramref name="session"/> gets its id.</summary>
    public async Task AddSessionAsync(MockSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        db.MockSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetLobbyMessageAsync(long sessionId, string messageId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.MockSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LobbyMessageId, messageId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A lobby that could not be posted: the session never opened.</summary>
    public async Task ExpireUnpostedAsync(long sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.MockSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, MockState.Expired).SetProperty(s => s.FinishedAt, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seats <paramref name="learnerId"/> as interviewer or candidate if that seat is still free and the other is not
    /// theirs; an invited lobby seats <paramref name="hostSeat"/> (the host) in the other seat at the same time.
    /// </summary>
    public async Task<bool> TakeSeatAsync(long sessionId, bool asInterviewer, long learnerId, long? hostSeat, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var taken = asInterviewer
            ? await db.MockSessions.Where(s => s.Id == sessionId && s.State == MockState.Lobby && s.InterviewerId == null && s.CandidateId != learnerId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.InterviewerId, learnerId).SetProperty(s => s.CandidateId, s => hostSeat ?? s.CandidateId), cancellationToken)
                .ConfigureAwait(false)
            : await db.MockSessions.Where(s => s.Id == sessionId && s.State == MockState.Lobby && s.CandidateId == null && s.InterviewerId != learnerId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.CandidateId, learnerId).SetProperty(s => s.InterviewerId, s => hostSeat ?? s.InterviewerId), cancellationToken)
                .ConfigureAwait(false);
        return taken > 0;
    }

    /// <summary>
    /// Starts round <paramref name="round"/> (1 from the lobby, 2 after round 1 is done) with these seats and card, its
    /// clock running from <paramref name="now"/> to <paramref name="ends"/>; round 1's card is remembered as the first.
    /// False when someone else changed the session first. On success <paramref name="session"/> holds the new state.
    /// </summary>
    public async Task<bool> ActivateRoundAsync(
        MockSession session, int round, long interviewerId, long candidateId, string cardId, DateTimeOffset now, DateTimeOffset ends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(round, 2);
        var sessionId = session.Id;
        var from = round == 1 ? MockState.Lobby : MockState.RoundDone;
        var previous = round - 1;
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == from && (round == 1 || s.Round == previous))
            .ExecuteUpdateAsync(
                set =>
                {
                    set.SetProperty(s => s.State, MockState.Active)
                        .SetProperty(s => s.Round, round)
                        .SetProperty(s => s.InterviewerId, interviewerId)
                        .SetProperty(s => s.CandidateId, candidateId)
                        .SetProperty(s => s.CardId, cardId)
                        .SetProperty(s => s.StartedAt, now)
                        .SetProperty(s => s.EndsAt, ends)
                        .SetProperty(s => s.AbandonAt, (DateTimeOffset?)null)
                        .SetProperty(s => s.PostedMarks, 0);
                    if (round == 1)
                    {
                        set.SetProperty(s => s.FirstCardId, cardId);
                    }
                },
                cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
        {
            return false;
        }

        session.State = MockState.Active;
        session.Round = round;
        session.InterviewerId = interviewerId;
        session.CandidateId = candidateId;
        session.CardId = cardId;
        session.StartedAt = now;
        session.EndsAt = ends;
        session.AbandonAt = null;
        session.PostedMarks = 0;
        if (round == 1)
        {
            session.FirstCardId = cardId;
        }

        return true;
    }

    public async Task SetThreadAsync(long sessionId, string threadId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.MockSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ThreadId, threadId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The running round ends and feedback opens until <paramref name="abandonAt"/>; false if it was not running.</summary>
    public async Task<bool> EndRoundAsync(long sessionId, int round, DateTimeOffset abandonAt, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var ended = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == MockState.Active && s.Round == round && s.ThreadId != null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, MockState.Feedback).SetProperty(s => s.AbandonAt, abandonAt), cancellationToken)
            .ConfigureAwait(false);
        return ended > 0;
    }

    /// <summary>Remembers that the timer message <paramref name="mark"/> of the round went out.</summary>
    public async Task MarkPostedAsync(long sessionId, int round, MockTimerMark mark, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await db.MockSessions
            .Where(s => s.Id == sessionId && s.Round == round)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.PostedMarks, s => s.PostedMarks | (int)mark), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Feedback of the round is complete: the session moves on to <paramref name="next"/>; false if it was not collecting feedback.</summary>
    public async Task<bool> CloseFeedbackAsync(
        long sessionId, int round, MockState next, DateTimeOffset? abandonAt, DateTimeOffset? finishedAt, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var moved = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == MockState.Feedback && s.Round == round)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.State, next).SetProperty(s => s.AbandonAt, abandonAt).SetProperty(s => s.FinishedAt, finishedAt),
                cancellationToken)
            .ConfigureAwait(false);
        return moved > 0;
    }

    /// <summary>The session leaves state <paramref name="from"/> for the final state <paramref name="to"/>; false if it was not in it.</summary>
    public async Task<bool> CloseAsync(long sessionId, MockState from, MockState to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var closed = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == from)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.State, to).SetProperty(s => s.FinishedAt, now).SetProperty(s => s.AbandonAt, (DateTimeOffset?)null),
                cancellationToken)
            .ConfigureAwait(false);
        return closed > 0;
    }

    /// <summary>Sessions whose triggers must exist: running rounds and every waiting state.</summary>
    public async Task<List<MockSession>> OpenSessionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockSessions.AsNoTracking()
            .Where(s => s.State == MockState.Active || s.State == MockState.Lobby || s.State == MockState.Feedback || s.State == MockState.RoundDone)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The partners <paramref name="learnerId"/> was paired with in sessions created since <paramref name="since"/>.</summary>
    public async Task<HashSet<long>> PartnersSinceAsync(long learnerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var me = learnerId;
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await db.MockSessions.AsNoTracking()
                .Where(s => s.CreatedAt >= since && s.InterviewerId != null && s.CandidateId != null && (s.InterviewerId == me || s.CandidateId == me))
                .Select(s => s.InterviewerId == me ? s.CandidateId!.Value : s.InterviewerId!.Value)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet();
    }

    private Task<PrepBotDbContext> OpenAsync(CancellationToken cancellationToken) => contextFactory.CreateDbContextAsync(cancellationToken);
}
