using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary><c>/mock history</c>: the learner's latest sessions, each round's card, their role, and the scores they got and gave.</summary>
public sealed class MockHistory(MockStore store, CardCatalog catalog)
{
    /// <summary>How many sessions the history shows.</summary>
    public const int Latest = 10;

    public async Task<IReadOnlyList<Reply>> ShowAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var me = learner.Id;
        var (sessions, feedbacks, names) = await store.HistoryAsync(me, Latest, cancellationToken).ConfigureAwait(false);
        if (sessions.Count == 0)
        {
            return MockReplies.Say("No mock interviews yet. In a server channel, `/mock start` opens a lobby and `/mock queue` finds you a partner.");
        }

        var text = new StringBuilder("**Your mock interviews** (latest first)\n");
        foreach (var session in sessions)
        {
            var partnerId = session.InterviewerId == me ? session.CandidateId : session.InterviewerId;
            var local = TimeZoneInfo.ConvertTime(session.CreatedAt, learner.Zone);
            text.Append(CultureInfo.InvariantCulture, $"\n**{local:yyyy-MM-dd HH:mm}** · {MockKinds.Name(session.Kind)} with {names.GetValueOrDefault(partnerId ?? 0, "someone")}");
            text.Append(session.State == MockState.Finished ? string.Empty : " (in progress)").Append('\n');
            for (var round = 1; round <= session.Round; round++)
            {
                AppendRound(text, session, round, me, feedbacks);
            }
        }

        return MockReplies.Say(text.ToString());
    }

    private void AppendRound(StringBuilder text, MockSession session, int round, long me, IReadOnlyList<MockFeedback> feedbacks)
    {
        var aboutMe = feedbacks.FirstOrDefault(f => f.SessionId == session.Id && f.Round == round && f.ToLearnerId == me);
        var byMe = feedbacks.FirstOrDefault(f => f.SessionId == session.Id && f.Round == round && f.FromLearnerId == me);
        var cardId = aboutMe?.CardId ?? byMe?.CardId ?? (round == 1 ? session.FirstCardId : session.CardId);
        var myRole = byMe?.Direction switch
        {
            MockFeedbackDirection.ForCandidate => "interviewer",
            MockFeedbackDirection.ForInterviewer => "candidate",
            _ => (round == session.Round ? session.InterviewerId == me : session.CandidateId == me) ? "interviewer" : "candidate",
        };
        var title = cardId is null ? "?" : catalog.Find(cardId)?.Title ?? cardId;
        text.Append(CultureInfo.InvariantCulture, $"- Round {round}, you were {myRole} on *{title}*: ");
        text.Append(aboutMe is null ? "no feedback received" : $"you got {MockFeedbackText.Scores(aboutMe, session.Kind)}");
        text.Append(byMe is null ? "; you gave none" : $"; you gave {MockFeedbackText.Average(byMe):0.0}/5 on average").Append('\n');
    }
}
