using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// The mock interview tables' owner for the state changes several flows share. Every change is a conditional update of
/// the session row, so the database decides who wins a race.
/// </summary>
public sealed class MockStore(IDbContextFactory<PrepBotDbContext> contextFactory)
{
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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
}
