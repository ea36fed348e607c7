using System.Globalization;
using System.Text;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>The feedback form, what it answers, and how a feedback reads (in full, or as scores in the history).</summary>
public static class MockFeedbackText
{
    public const string ScoreFieldPrefix = "s";
    public const string NotesField = "notes";

    /// <summary>The id of the form field that holds the score of area <paramref name="index"/> (from 0).</summary>
    public static string ScoreField(int index) => ScoreFieldPrefix + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The feedback form about <paramref name="partner"/>: a 1–5 score per area and free notes.</summary>
    public static IReadOnlyList<Reply> Form(MockSession session, MockFeedbackDirection direction, Learner partner)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(partner);
        var areas = MockKinds.Areas(session.Kind, direction);
        var fields = areas.Select((area, i) => new ModalField(
            ScoreField(i), Label($"{area} (1-5)"), IsParagraph: false, MaxLength: 1, Placeholder: "1 = weak, 5 = excellent"))
            .Append(new ModalField(NotesField, "What went well, what to work on", IsParagraph: true, IsRequired: false, MaxLength: MockFeedback.MaxNotesLength))
            .ToList();
        var role = direction == MockFeedbackDirection.ForCandidate ? "candidate" : "interviewer";
        return [Reply.Form(new ModalRequest(
            new MockToken(MockAction.SubmitFeedback, session.Id, session.Round).Format(), Label($"Feedback: {partner.DisplayName} ({role})"), fields))];
    }

    public static IReadOnlyList<Reply> FormClosed(MockState state) =>
        MockReplies.Say(state == MockState.Active ? "Feedback opens when the round ends." : "Feedback for this round has closed.");

    public static IReadOnlyList<Reply> AlreadySent(int round) => MockReplies.Say($"You already sent your feedback for round {round}.");

    public static IReadOnlyList<Reply> ClosedNotSaved() => MockReplies.Say("Feedback for this round has closed; what you wrote was not saved.");

    public static string BadScore(string area, string raw) => $"'{area}' must be a whole number from 1 to 5 (got '{Shorten(raw)}')";

    public static string NotesTooLong(int length) => $"the notes may be at most {MockFeedback.MaxNotesLength} characters (got {length})";

    /// <summary>The form had mistakes: nothing is saved, and the button opens it again.</summary>
    public static IReadOnlyList<Reply> NotSaved(MockSession session, IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [new Reply
        {
            Markdown = "Your feedback was not saved: " + string.Join("; ", problems) + ". Press the button to fill it in again.",
            Buttons = [new ReplyButton("Give feedback", new MockToken(MockAction.Feedback, session.Id, session.Round).Format(), ButtonStyle.Primary)],
        }];
    }

    public static IReadOnlyList<Reply> DuplicateNotSaved(int round) => MockReplies.Say($"You already sent your feedback for round {round}; the first one counts.");

    public static IReadOnlyList<Reply> SavedAndReceived(MockFeedback received, MockKind kind, Dictionary<long, Learner> people) =>
        MockReplies.Say("Feedback saved. Here is what your partner wrote about you:\n\n" + Describe(received, kind, people));

    public static IReadOnlyList<Reply> SavedPartnerPending(Learner partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return MockReplies.Say($"Feedback saved. {partner.DisplayName} has not sent theirs yet; when they do, **See my feedback** in the thread shows you what they wrote.");
    }

    public static IReadOnlyList<Reply> SendYoursFirst() => MockReplies.Say("Send your own feedback first; then you can read your partner's.");

    public static IReadOnlyList<Reply> Feedbacks(IReadOnlyList<MockFeedback> feedbacks, int round, MockKind kind, Dictionary<long, Learner> people)
    {
        ArgumentNullException.ThrowIfNull(feedbacks);
        return feedbacks.Count == 0
            ? MockReplies.Say($"No feedback about you for round {round} (yet).")
            : MockReplies.Say(string.Join("\n\n", feedbacks.Select(f => Describe(f, kind, people))));
    }

    public static string Describe(MockFeedback feedback, MockKind kind, Dictionary<long, Learner> people)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(people);
        var from = people.GetValueOrDefault(feedback.FromLearnerId)?.DisplayName ?? "your partner";
        var to = people.GetValueOrDefault(feedback.ToLearnerId)?.DisplayName ?? "their partner";
        var role = feedback.Direction == MockFeedbackDirection.ForCandidate ? "candidate" : "interviewer";
        var text = new StringBuilder($"**Round {feedback.Round}: {from} on {to} as {role}**\n");
        var areas = MockKinds.Areas(kind, feedback.Direction);
        var scores = new[] { feedback.Score1, feedback.Score2, feedback.Score3, feedback.Score4 };
        for (var i = 0; i < areas.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {areas[i]}: {scores[i]}/5\n");
        }

        if (feedback.Notes.Length > 0)
        {
            text.Append('\n').Append(Quote(feedback.Notes));
        }

        return text.ToString();
    }

    public static string Scores(MockFeedback feedback, MockKind kind)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var areas = MockKinds.Areas(kind, feedback.Direction);
        var scores = new[] { feedback.Score1, feedback.Score2, feedback.Score3, feedback.Score4 };
        return string.Create(CultureInfo.InvariantCulture, $"{Average(feedback):0.0}/5 ({string.Join(", ", areas.Select((a, i) => $"{a} {scores[i]}"))})");
    }

    public static double Average(MockFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return (feedback.Score1 + feedback.Score2 + feedback.Score3 + feedback.Score4) / 4.0;
    }

    /// <summary>The partner's words as a block quote, so their Markdown cannot run into PrepBot's own text.</summary>
    private static string Quote(string notes) =>
        string.Join('\n', notes.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => "> " + line));

    private static string Shorten(string text) => text.Length <= 10 ? text : text[..10] + "…";

    private static string Label(string text) => text.Length <= 45 ? text : text[..44] + "…";
}
