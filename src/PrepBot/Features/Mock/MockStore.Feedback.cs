using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>Feedbacks after each round, and the history that shows them.</summary>
public sealed partial class MockStore
{
    public async Task<bool> HasSentFeedbackAsync(long sessionId, int round, long fromLearnerId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockFeedbacks.AnyAsync(f => f.SessionId == sessionId && f.Round == round && f.FromLearnerId == fromLearnerId, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Saves a feedback; false when its author already sent one for that round (the first one counts).</summary>
    public async Task<bool> SaveFeedbackAsync(MockFeedback feedback, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        db.MockFeedbacks.Add(feedback);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException ex) when (StoreCommand.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<int> FeedbackCountAsync(long sessionId, int round, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockFeedbacks.CountAsync(f => f.SessionId == sessionId && f.Round == round, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who has sent their feedback for the round.</summary>
    public async Task<List<long>> FeedbackSendersAsync(long sessionId, int round, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.MockFeedbacks.Where(f => f.SessionId == sessionId && f.Round == round).Select(f => f.FromLearnerId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The round's feedbacks in the order they were sent; only those about <paramref name="aboutLearnerId"/> when given.</summary>
    public async Task<List<MockFeedback>> RoundFeedbacksAsync(long sessionId, int round, long? aboutLearnerId, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var query = db.MockFeedbacks.AsNoTracking().Where(f => f.SessionId == sessionId && f.Round == round);
        if (aboutLearnerId is { } about)
        {
            query = query.Where(f => f.ToLearnerId == about);
        }

        return await query.OrderBy(f => f.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The learner's <paramref name="count"/> latest sessions that got past the lobby, with their feedbacks and people's names.</summary>
    public async Task<MockHistoryRows> HistoryAsync(long learnerId, int count, CancellationToken cancellationToken)
    {
        var me = learnerId;
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await db.MockSessions.AsNoTracking()
            .Where(s => (s.InterviewerId == me || s.CandidateId == me) && (s.State == MockState.Finished || s.State == MockState.Feedback || s.State == MockState.RoundDone || s.State == MockState.Active))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(count)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (sessions.Count == 0)
        {
            return new MockHistoryRows([], [], new Dictionary<long, string>());
        }

        var ids = sessions.Select(s => s.Id).ToList();
        var feedbacks = await db.MockFeedbacks.AsNoTracking().Where(f => ids.Contains(f.SessionId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var learnerIds = sessions.SelectMany(s => new[] { s.InterviewerId, s.CandidateId }).OfType<long>().Distinct().ToList();
        var people = await learners.GetManyAsync(learnerIds, cancellationToken).ConfigureAwait(false);
        return new MockHistoryRows(sessions, feedbacks, people.ToDictionary(p => p.Key, p => p.Value.DisplayName));
    }
}
