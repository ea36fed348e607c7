using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// What mock interviews say in the channel and the private thread: the lobby, the round's prompt, the timer messages,
/// the round's end and how the session closes. Replies to the one who acted are in <see cref="MockReplies"/>.
/// </summary>
public sealed class MockPresenter(IOptions<MockOptions> options)
{
    public const string ScheduledLobbyNote = "⏰ **The scheduled cohort session starts now.** Pair up: one interviewer, one candidate.";

    public const string RestartedWhileOpening = "This session could not start (PrepBot restarted while opening the thread). Try `/mock start` again.";

    private MockOptions Options => options.Value;

    /// <summary>The lobby message: seats, who may join, when it closes; join buttons while it is open.</summary>
    public Reply Lobby(MockSession session, Learner host, Learner? interviewer, Learner? candidate, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(host);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Mock interview: {MockKinds.Name(session.Kind)}** ({Options.Length(session.Kind).TotalMinutes:0} minutes a round, then swap roles)\n");
        if (note is not null)
        {
            text.Append(note).Append('\n');
        }

        text.Append("Started by ").Append(Mention(host));
        if (session.InvitedUserId is { } invited)
        {
            text.Append(" with ").Append(ReplyText.Mention(invited)).Append(": only they can take the other seat");
        }

        text.Append(".\n");
        text.Append("Interviewer: ").Append(interviewer is null ? "*open*" : Mention(interviewer)).Append('\n');
        text.Append("Candidate: ").Append(candidate is null ? "*open*" : Mention(candidate)).Append('\n');
        if (session.AbandonAt is { } closes)
        {
            text.Append("The lobby closes ").Append(ReplyText.Time(closes, TimeStyle.Relative)).Append(" if nobody pairs up.");
        }

        return new Reply
        {
            Markdown = text.ToString(),
            IsPrivate = false,
            Buttons =
            [
                new ReplyButton("Join as interviewer", new MockToken(MockAction.JoinAsInterviewer, session.Id, 1).Format(), ButtonStyle.Primary),
                new ReplyButton("Join as candidate", new MockToken(MockAction.JoinAsCandidate, session.Id, 1).Format(), ButtonStyle.Success),
            ],
        };
    }

    /// <summary>What the lobby message turns into once it no longer takes seats.</summary>
    public static Reply ClosedLobby(MockKind kind, string closedText) =>
        new() { Markdown = $"**Mock interview: {MockKinds.Name(kind)}**\n{closedText}", IsPrivate = false };

    public static string NoCards(MockKind kind) =>
        $"The deck has no {MockKinds.Name(kind)} cards, so there is nothing to interview on. Ask a server admin to add some under `content/`.";

    public static string ThreadFailed(string why) => $"PrepBot could not open a private thread here, so the session was called off. {why}";

    public static string Paired(Learner interviewer, Learner candidate) =>
        $"Paired: {Mention(interviewer)} interviews {Mention(candidate)} in a private thread.";

    public static string ThreadName(MockKind kind, Learner interviewer, Learner candidate) =>
        $"Mock {MockKinds.Name(kind)}: {candidate.DisplayName} & {interviewer.DisplayName}";

    /// <summary>The round's opening post in the thread: who is who, when time is up, and the candidate's prompt.</summary>
    public Reply RoundPrompt(MockSession session, Learner interviewer, Learner candidate, Card card)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Mock interview, round {session.Round} of 2** ({MockKinds.Name(session.Kind)}, {Options.Length(session.Kind).TotalMinutes:0} minutes)\n");
        text.Append("Candidate: ").Append(Mention(candidate)).Append(" · Interviewer: ").Append(Mention(interviewer)).Append('\n');
        text.Append("Time is up ").Append(ReplyText.Time(session.EndsAt!.Value, TimeStyle.ShortTime)).Append(" (").Append(ReplyText.Time(session.EndsAt!.Value, TimeStyle.Relative)).Append("). ");
        text.Append("The interviewer's reference answer, rubric and follow-up questions are behind **Interviewer notes** (interviewer only). Either of you can end the round early.\n\n");
        text.Append("**Prompt for the candidate**\n").Append(MockKinds.Prompt(card));
        return new Reply
        {
            Markdown = text.ToString(),
            IsPrivate = false,
            Buttons =
            [
                new ReplyButton("Interviewer notes", new MockToken(MockAction.Notes, session.Id, session.Round).Format(), ButtonStyle.Secondary),
                new ReplyButton("End round early", new MockToken(MockAction.End, session.Id, session.Round).Format(), ButtonStyle.Danger),
            ],
        };
    }

    public static Reply MinutesLeft(int round, MockTimerMark mark, DateTimeOffset ends)
    {
        var left = mark == MockTimerMark.TenMinutesLeft ? 10 : 5;
        return new Reply
        {
            Markdown = string.Create(CultureInfo.InvariantCulture, $"**{left} minutes left** in round {round} (time is up {ReplyText.Time(ends, TimeStyle.ShortTime)})."),
            IsPrivate = false,
        };
    }

    public static string EndedEarly(Learner learner, int round) => $"{Mention(learner)} ended round {round} early.";

    /// <summary>The round is over (<paramref name="why"/>): feedback opens.</summary>
    public Reply RoundOver(long sessionId, int round, string why) => new()
    {
        Markdown = $"{why}\nRound {round} is over. Both of you: press **Give feedback** to score your partner (1–5 per area) and add a few words. " +
            $"Each of you then sees what the other wrote, privately. Feedback is open for {Options.FeedbackTimeoutMinutes} minutes.",
        IsPrivate = false,
        Buttons = [new ReplyButton("Give feedback", new MockToken(MockAction.Feedback, sessionId, round).Format(), ButtonStyle.Primary)],
    };

    /// <summary>Both feedbacks are in: each may read theirs, and after round 1 swap roles.</summary>
    public Reply FeedbackComplete(long sessionId, int round)
    {
        var buttons = new List<ReplyButton> { new("See my feedback", new MockToken(MockAction.SeeFeedback, sessionId, round).Format(), ButtonStyle.Primary) };
        var text = new StringBuilder($"Both feedbacks for round {round} are in. Press **See my feedback** to read what your partner wrote about you (only you see it).");
        if (round == 1)
        {
            buttons.Add(new ReplyButton("Swap roles", new MockToken(MockAction.Swap, sessionId, 1).Format(), ButtonStyle.Success));
            text.Append(CultureInfo.InvariantCulture, $"\nReady for round 2? **Swap roles**: the candidate interviews this time, on a new card. Open for {Options.FeedbackTimeoutMinutes} minutes.");
        }
        else
        {
            text.Append("\nThe session is finished. `/mock history` keeps both rounds and their scores.");
        }

        return new Reply { Markdown = text.ToString(), IsPrivate = false, Buttons = buttons };
    }

    /// <summary>The lobby closed without a pair; <paramref name="seated"/> are free again.</summary>
    public string LobbyAbandoned(IReadOnlyList<Learner> seated)
    {
        ArgumentNullException.ThrowIfNull(seated);
        var who = seated.Count == 0
            ? $"Nobody paired up within {Options.LobbyTimeoutMinutes} minutes."
            : $"No partner joined within {Options.LobbyTimeoutMinutes} minutes; {string.Join(" and ", seated.Select(Mention))} is free again.";
        return $"This lobby has closed. {who} Try `/mock start` or `/mock queue` another time.";
    }

    /// <summary>Feedback ran out before <paramref name="silent"/> wrote theirs.</summary>
    public Reply FeedbackAbandoned(long sessionId, int round, IEnumerable<Learner> silent, bool anySent) => new()
    {
        Markdown = $"Feedback for round {round} closed after {Options.FeedbackTimeoutMinutes} minutes without a word from {string.Join(" and ", silent.Select(Mention))}. " +
            "The session is finished and you are both free; whatever was sent stays in `/mock history`.",
        IsPrivate = false,
        Buttons = anySent ? [new ReplyButton("See my feedback", new MockToken(MockAction.SeeFeedback, sessionId, round).Format())] : [],
    };

    public Reply SwapAbandoned() => new()
    {
        Markdown = $"Nobody swapped roles within {Options.FeedbackTimeoutMinutes} minutes, so the session is finished. `/mock history` keeps the scores.",
        IsPrivate = false,
    };

    /// <summary>Said in the channel where a place in the queue lapsed.</summary>
    public Reply QueueLapsed(Learner learner, MockKind kind) => new()
    {
        Markdown = $"{Mention(learner)} waited {Options.QueueTimeoutMinutes} minutes in the {MockKinds.Name(kind)} queue without a match " +
            "and has left it. Try `/mock queue` again later, or `/mock start` a lobby.",
        IsPrivate = false,
    };

    public static string Mention(Learner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return ReplyText.Mention(learner.PlatformUserId, learner.DisplayName);
    }
}
