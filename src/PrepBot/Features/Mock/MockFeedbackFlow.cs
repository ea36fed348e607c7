using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// Feedback after a round: the form each participant fills in about the other, saving it (once per person and round),
/// and reading what the partner wrote — only after giving one's own while feedback is open.
/// </summary>
public sealed class MockFeedbackFlow(MockStore store, MockSessionLifecycle lifecycle, TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> FormAsync(LearnerContext learner, MockSession session, Dictionary<long, Learner> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(people);
        if (session.State != MockState.Feedback)
        {
            return MockFeedbackText.FormClosed(session.State);
        }

        if (await store.HasSentFeedbackAsync(session.Id, session.Round, learner.Id, cancellationToken).ConfigureAwait(false))
        {
            return MockFeedbackText.AlreadySent(session.Round);
        }

        return MockFeedbackText.Form(session, Direction(learner, session), people[Partner(learner, session)]);
    }

    public async Task<IReadOnlyList<Reply>> SubmitAsync(
        LearnerContext learner, MockSession session, Dictionary<long, Learner> people, ModalInput modal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(modal);
        if (session.State != MockState.Feedback)
        {
            return MockFeedbackText.ClosedNotSaved();
        }

        var direction = Direction(learner, session);
        var areas = MockKinds.Areas(session.Kind, direction);
        var scores = new int[areas.Count];
        var problems = new List<string>();
        for (var i = 0; i < areas.Count; i++)
        {
            var raw = modal.Fields.GetValueOrDefault(MockFeedbackText.ScoreField(i))?.Trim() ?? string.Empty;
            if (raw.Length != 1 || raw[0] is < '1' or > '5')
            {
                problems.Add(MockFeedbackText.BadScore(areas[i], raw));
            }
            else
            {
                scores[i] = raw[0] - '0';
            }
        }

        var notes = modal.Fields.GetValueOrDefault(MockFeedbackText.NotesField)?.Trim() ?? string.Empty;
        if (notes.Length > MockFeedback.MaxNotesLength)
        {
            problems.Add(MockFeedbackText.NotesTooLong(notes.Length));
        }

        if (problems.Count > 0)
        {
            return MockFeedbackText.NotSaved(session, problems);
        }

        var partnerId = Partner(learner, session);
        var saved = await store.SaveFeedbackAsync(
            new MockFeedback
            {
                SessionId = session.Id,
                Round = session.Round,
                Direction = direction,
                FromLearnerId = learner.Id,
                ToLearnerId = partnerId,
                CardId = session.CardId ?? string.Empty,
                Score1 = scores[0],
                Score2 = scores[1],
                Score3 = scores[2],
                Score4 = scores[3],
                Notes = notes,
                CreatedAt = time.GetUtcNow(),
            },
            cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            return MockFeedbackText.DuplicateNotSaved(session.Round);
        }

        var round = session.Round;
        if (await lifecycle.CompleteFeedbackAsync(session.Id, round, cancellationToken).ConfigureAwait(false))
        {
            var received = (await store.RoundFeedbacksAsync(session.Id, round, learner.Id, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
            return MockFeedbackText.SavedAndReceived(received!, session.Kind, people);
        }

        return MockFeedbackText.SavedPartnerPending(people[partnerId]);
    }

    /// <summary>The feedback about the reader for <paramref name="round"/>; a server admin who is not in the session reads both.</summary>
    public async Task<IReadOnlyList<Reply>> SeeAsync(
        LearnerContext learner, MockSession session, int round, Dictionary<long, Learner> people, bool isParticipant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(session);
        long? about = null;
        if (isParticipant)
        {
            // Until both have written, neither reads: each sees the other's feedback only after giving their own.
            var mineSent = await store.HasSentFeedbackAsync(session.Id, round, learner.Id, cancellationToken).ConfigureAwait(false);
            if (!mineSent && session.State == MockState.Feedback && session.Round == round)
            {
                return MockFeedbackText.SendYoursFirst();
            }

            about = learner.Id;
        }

        var feedbacks = await store.RoundFeedbacksAsync(session.Id, round, about, cancellationToken).ConfigureAwait(false);
        return MockFeedbackText.Feedbacks(feedbacks, round, session.Kind, people);
    }

    private static MockFeedbackDirection Direction(LearnerContext learner, MockSession session) =>
        session.InterviewerId == learner.Id ? MockFeedbackDirection.ForCandidate : MockFeedbackDirection.ForInterviewer;

    private static long Partner(LearnerContext learner, MockSession session) =>
        (session.InterviewerId == learner.Id ? session.CandidateId : session.InterviewerId)
        ?? throw new InvalidOperationException($"Mock session {session.Id} has an empty seat.");
}
