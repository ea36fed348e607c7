using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// The life of a mock interview session after people act: opening the private thread, posting the prompt and the timer
/// messages, ending a round, collecting feedback, swapping roles, and giving up on whoever is left waiting. Every state
/// change is a conditional update of the session row (the database decides who wins a race), and every post that a
/// restart could repeat carries a nonce made from the session, round and step, so it is delivered once.
/// </summary>
public sealed partial class MockInterviews(
    IDbContextFactory<PrepBotDbContext> contextFactory,
    MockStore store,
    CardCatalog catalog,
    IMessenger messenger,
    MockTriggers triggers,
    IOptions<MockOptions> options,
    TimeProvider time,
    ILogger<MockInterviews> logger)
{
    public MockOptions Options => options.Value;

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

        text.Append("Started by ").Append(ReplyText.Mention(host.PlatformUserId, host.DisplayName));
        if (session.InvitedUserId is { } invited)
        {
            text.Append(" with ").Append(ReplyText.Mention(invited)).Append(": only they can take the other seat");
        }

        text.Append(".\n");
        text.Append("Interviewer: ").Append(interviewer is null ? "*open*" : ReplyText.Mention(interviewer.PlatformUserId, interviewer.DisplayName)).Append('\n');
        text.Append("Candidate: ").Append(candidate is null ? "*open*" : ReplyText.Mention(candidate.PlatformUserId, candidate.DisplayName)).Append('\n');
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

    /// <summary>Redraws the lobby message after a seat was taken (best effort: the message may have been deleted).</summary>
    public async Task RefreshLobbyAsync(long sessionId, string? closedText, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session?.LobbyMessageId is not { } messageId)
        {
            return;
        }

        var people = await LearnersAsync(db, session, cancellationToken).ConfigureAwait(false);
        var reply = closedText is null
            ? Lobby(session, people[session.HostId], Seat(people, session.InterviewerId), Seat(people, session.CandidateId))
            : new Reply { Markdown = $"**Mock interview: {MockKinds.Name(session.Kind)}**\n{closedText}", IsPrivate = false };
        try
        {
            await messenger.EditAsync(new PostedMessage(session.ChannelId, messageId), reply, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, session.Id, "lobby edit");
        }
    }

    /// <summary>
    /// Both seats are taken: claims the session for round 1, opens the private thread, adds both, posts the prompt and
    /// starts the timers. Returns null when started (or someone else started it), or why it could not start.
    /// </summary>
    public async Task<string?> BeginAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session is not { State: MockState.Lobby, InterviewerId: { } interviewerId, CandidateId: { } candidateId })
        {
            return null;
        }

        var card = PickCard(session.Kind, session.Id, 1, exclude: null);
        if (card is null)
        {
            await CloseAsync(sessionId, MockState.Lobby, MockState.Expired, cancellationToken).ConfigureAwait(false);
            var missing = $"The deck has no {MockKinds.Name(session.Kind)} cards, so there is nothing to interview on. Ask a server admin to add some under `content/`.";
            await RefreshLobbyAsync(sessionId, missing, cancellationToken).ConfigureAwait(false);
            return missing;
        }

        var now = time.GetUtcNow();
        var ends = now + Options.Length(session.Kind);
        if (!await store.ActivateRoundAsync(session, 1, interviewerId, candidateId, card.Id, now, ends, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var people = await LearnersAsync(db, session, cancellationToken).ConfigureAwait(false);
        var interviewer = people[interviewerId];
        var candidate = people[candidateId];
        string threadId;
        try
        {
            threadId = await messenger.StartPrivateThreadAsync(
                session.ChannelId, $"Mock {MockKinds.Name(session.Kind)}: {candidate.DisplayName} & {interviewer.DisplayName}", cancellationToken).ConfigureAwait(false);
            await messenger.AddThreadMemberAsync(threadId, interviewer.PlatformUserId, cancellationToken).ConfigureAwait(false);
            await messenger.AddThreadMemberAsync(threadId, candidate.PlatformUserId, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, sessionId, "private thread");
            await CloseAsync(sessionId, MockState.Active, MockState.Expired, cancellationToken).ConfigureAwait(false);
            var failed = $"PrepBot could not open a private thread here, so the session was called off. {ex.Message}";
            await RefreshLobbyAsync(sessionId, failed, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        await db.MockSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ThreadId, threadId), cancellationToken).ConfigureAwait(false);
        await db.MockQueueEntries.Where(q => q.LearnerId == interviewerId || q.LearnerId == candidateId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        LogPaired(sessionId, session.Kind, card.Id);

        await RefreshLobbyAsync(
            sessionId,
            $"Paired: {ReplyText.Mention(interviewer.PlatformUserId, interviewer.DisplayName)} interviews {ReplyText.Mention(candidate.PlatformUserId, candidate.DisplayName)} in a private thread.",
            cancellationToken).ConfigureAwait(false);
        session.ThreadId = threadId;
        await PostRoundAsync(session, interviewer, candidate, card, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Round 2: the roles swap, a new card of the same kind, the timers start again.</summary>
    public async Task<bool> SwapAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session is not { State: MockState.RoundDone, Round: 1, InterviewerId: { } oldInterviewer, CandidateId: { } oldCandidate })
        {
            return false;
        }

        var card = PickCard(session.Kind, session.Id, 2, exclude: session.CardId) ?? catalog.Find(session.CardId ?? string.Empty);
        if (card is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var ends = now + Options.Length(session.Kind);
        if (!await store.ActivateRoundAsync(session, 2, oldCandidate, oldInterviewer, card.Id, now, ends, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var people = await LearnersAsync(db, session, cancellationToken).ConfigureAwait(false);
        await PostRoundAsync(session, people[oldCandidate], people[oldInterviewer], card, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Ends the running round (time's up or a participant pressed the button): feedback opens.</summary>
    public async Task<bool> EndRoundAsync(long sessionId, int round, string why, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var abandonAt = time.GetUtcNow().AddMinutes(Options.FeedbackTimeoutMinutes);

        // The state changes first (time's up and "end early" racing each other: one wins), the message follows; the
        // TimesUp bit is set only once it is posted, so a restart in between posts it then (see OnTimerAsync).
        var ended = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == MockState.Active && s.Round == round && s.ThreadId != null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, MockState.Feedback).SetProperty(s => s.AbandonAt, abandonAt), cancellationToken)
            .ConfigureAwait(false);
        if (ended == 0)
        {
            return false;
        }

        var session = await db.MockSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        await PostRoundOverAsync(db, session, why, cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task PostRoundOverAsync(PrepBotDbContext db, MockSession session, string why, CancellationToken cancellationToken)
    {
        var round = session.Round;
        var text = $"{why}\nRound {round} is over. Both of you: press **Give feedback** to score your partner (1–5 per area) and add a few words. " +
            $"Each of you then sees what the other wrote, privately. Feedback is open for {Options.FeedbackTimeoutMinutes} minutes.";
        await PostAsync(session.ThreadId!, new Reply
        {
            Markdown = text,
            IsPrivate = false,
            Buttons = [new ReplyButton("Give feedback", new MockToken(MockAction.Feedback, session.Id, round).Format(), ButtonStyle.Primary)],
        }, Nonce(session.Id, round, "e"), cancellationToken).ConfigureAwait(false);
        await db.MockSessions
            .Where(s => s.Id == session.Id && s.Round == round)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.PostedMarks, s => s.PostedMarks | (int)MockTimerMark.TimesUp), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>A timer trigger fired: posts "10/5 minutes left" once, or ends the round at time's up.</summary>
    public async Task OnTimerAsync(long sessionId, int round, MockTimerMark mark, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Round != round || ((MockTimerMark)session.PostedMarks & mark) != 0)
        {
            return;
        }

        if (mark == MockTimerMark.TimesUp)
        {
            if (session is { State: MockState.Active, ThreadId: null })
            {
                // The bot stopped between claiming the session and opening its thread: call it off rather than keep both busy.
                if (await CloseAsync(sessionId, MockState.Active, MockState.Expired, cancellationToken).ConfigureAwait(false))
                {
                    await RefreshLobbyAsync(sessionId, "This session could not start (PrepBot restarted while opening the thread). Try `/mock start` again.", cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            else if (session.State == MockState.Active)
            {
                await EndRoundAsync(sessionId, round, "**Time's up.**", cancellationToken).ConfigureAwait(false);
            }
            else if (session.State == MockState.Feedback)
            {
                // The round ended just before a restart and its message did not go out yet.
                await PostRoundOverAsync(db, session, "**The round has ended.**", cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (session is not { State: MockState.Active, EndsAt: { } ends, ThreadId: { } threadId })
        {
            return;
        }

        // After a restart several marks may be due at once: only the latest is worth saying.
        var marks = MockTriggers.MarkTimes(ends);
        var index = marks.ToList().FindIndex(m => m.Mark == mark);
        var stale = index + 1 < marks.Count && time.GetUtcNow() >= marks[index + 1].At;
        if (!stale)
        {
            var left = mark == MockTimerMark.TenMinutesLeft ? 10 : 5;
            await PostAsync(
                threadId,
                new Reply { Markdown = string.Create(CultureInfo.InvariantCulture, $"**{left} minutes left** in round {round} (time is up {ReplyText.Time(ends, TimeStyle.ShortTime)})."), IsPrivate = false },
                Nonce(sessionId, round, mark == MockTimerMark.TenMinutesLeft ? "t10" : "t5"),
                cancellationToken).ConfigureAwait(false);
        }

        await db.MockSessions
            .Where(s => s.Id == sessionId && s.Round == round)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.PostedMarks, s => s.PostedMarks | (int)mark), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>After a feedback was saved: once both are in, each may read theirs and (after round 1) swap roles.</summary>
    public async Task<bool> CompleteFeedbackAsync(long sessionId, int round, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var count = await db.MockFeedbacks.CountAsync(f => f.SessionId == sessionId && f.Round == round, cancellationToken).ConfigureAwait(false);
        if (count < 2)
        {
            return false;
        }

        var session = await db.MockSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var next = round == 1 ? MockState.RoundDone : MockState.Finished;
        DateTimeOffset? abandonAt = round == 1 ? now.AddMinutes(Options.FeedbackTimeoutMinutes) : null;
        DateTimeOffset? finishedAt = round == 1 ? null : now;
        var moved = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == MockState.Feedback && s.Round == round)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.State, next).SetProperty(s => s.AbandonAt, abandonAt).SetProperty(s => s.FinishedAt, finishedAt),
                cancellationToken)
            .ConfigureAwait(false);
        if (moved == 0 || session.ThreadId is not { } threadId)
        {
            return false;
        }

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

        await PostAsync(threadId, new Reply { Markdown = text.ToString(), IsPrivate = false, Buttons = buttons }, Nonce(sessionId, round, "f"), cancellationToken)
            .ConfigureAwait(false);
        if (round == 1)
        {
            session.State = next;
            session.AbandonAt = abandonAt;
            await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ArchiveAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>A waiting state ran out: frees the people in it with a message and closes the session.</summary>
    public async Task OnAbandonAsync(long sessionId, int round, MockState state, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.State != state || session.Round != round || session.AbandonAt is not { } at || at > time.GetUtcNow())
        {
            return;
        }

        var final = state == MockState.Lobby ? MockState.Expired : MockState.Finished;
        if (!await CloseAsync(sessionId, state, final, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var people = await LearnersAsync(db, session, cancellationToken).ConfigureAwait(false);
        LogAbandoned(sessionId, state);
        switch (state)
        {
            case MockState.Lobby:
                var seated = new[] { Seat(people, session.InterviewerId), Seat(people, session.CandidateId) }.OfType<Learner>().ToList();
                var who = seated.Count == 0
                    ? $"Nobody paired up within {Options.LobbyTimeoutMinutes} minutes."
                    : $"No partner joined within {Options.LobbyTimeoutMinutes} minutes; {string.Join(" and ", seated.Select(l => ReplyText.Mention(l.PlatformUserId, l.DisplayName)))} is free again.";
                await RefreshLobbyAsync(sessionId, $"This lobby has closed. {who} Try `/mock start` or `/mock queue` another time.", cancellationToken)
                    .ConfigureAwait(false);
                break;
            case MockState.Feedback when session.ThreadId is { } threadId:
                var sent = await db.MockFeedbacks.Where(f => f.SessionId == sessionId && f.Round == round).Select(f => f.FromLearnerId)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                var missing = new[] { session.InterviewerId, session.CandidateId }.OfType<long>().Where(id => !sent.Contains(id))
                    .Select(id => ReplyText.Mention(people[id].PlatformUserId, people[id].DisplayName));
                await PostAsync(threadId, new Reply
                {
                    Markdown = $"Feedback for round {round} closed after {Options.FeedbackTimeoutMinutes} minutes without a word from {string.Join(" and ", missing)}. " +
                        "The session is finished and you are both free; whatever was sent stays in `/mock history`.",
                    IsPrivate = false,
                    Buttons = sent.Count > 0 ? [new ReplyButton("See my feedback", new MockToken(MockAction.SeeFeedback, sessionId, round).Format())] : [],
                }, Nonce(sessionId, round, "x"), cancellationToken).ConfigureAwait(false);
                await ArchiveAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
                break;
            case MockState.RoundDone when session.ThreadId is { } threadId:
                await PostAsync(threadId, new Reply
                {
                    Markdown = $"Nobody swapped roles within {Options.FeedbackTimeoutMinutes} minutes, so the session is finished. `/mock history` keeps the scores.",
                    IsPrivate = false,
                }, Nonce(sessionId, round, "x"), cancellationToken).ConfigureAwait(false);
                await ArchiveAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>A place in the queue lapsed without a match: the learner leaves the queue and is told so in the channel.</summary>
    public async Task OnQueueExpiredAsync(long entryId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entry = await db.MockQueueEntries.AsNoTracking().SingleOrDefaultAsync(q => q.Id == entryId, cancellationToken).ConfigureAwait(false);
        if (entry is null || entry.ExpiresAt > time.GetUtcNow())
        {
            return;
        }

        var learner = await db.Learners.AsNoTracking().SingleAsync(l => l.Id == entry.LearnerId, cancellationToken).ConfigureAwait(false);
        await PostAsync(entry.ChannelId, new Reply
        {
            Markdown = $"{ReplyText.Mention(learner.PlatformUserId, learner.DisplayName)} waited {Options.QueueTimeoutMinutes} minutes in the {MockKinds.Name(entry.Kind)} queue without a match " +
                "and has left it. Try `/mock queue` again later, or `/mock start` a lobby.",
            IsPrivate = false,
        }, string.Create(CultureInfo.InvariantCulture, $"mq{entryId}"), cancellationToken).ConfigureAwait(false);
        await db.MockQueueEntries.Where(q => q.Id == entryId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A scheduled cohort session is due: its lobby goes to the channel, once.</summary>
    public async Task OnReminderAsync(long scheduledId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var scheduled = await db.MockScheduledSessions.SingleOrDefaultAsync(s => s.Id == scheduledId, cancellationToken).ConfigureAwait(false);
        if (scheduled is null || scheduled.PostedAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (now > scheduled.StartsAt.AddMinutes(Options.LobbyTimeoutMinutes))
        {
            // The bot was down through the whole lobby window: a lobby now would invite people to a session long over.
            scheduled.PostedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogReminderMissed(scheduledId, scheduled.StartsAt);
            return;
        }

        var session = await db.MockSessions.SingleOrDefaultAsync(s => s.ScheduledSessionId == scheduledId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            session = new MockSession
            {
                GuildId = scheduled.GuildId,
                ChannelId = scheduled.ChannelId,
                Kind = scheduled.Kind,
                State = MockState.Lobby,
                HostId = scheduled.CreatedById,
                ScheduledSessionId = scheduledId,
                CreatedAt = now,
                AbandonAt = now.AddMinutes(Options.LobbyTimeoutMinutes),
            };
            db.MockSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var host = await db.Learners.AsNoTracking().SingleAsync(l => l.Id == session.HostId, cancellationToken).ConfigureAwait(false);
        var lobby = Lobby(session, host, null, null, "⏰ **The scheduled cohort session starts now.** Pair up: one interviewer, one candidate.");
        try
        {
            var posted = await messenger.PostAsync(scheduled.ChannelId, lobby, string.Create(CultureInfo.InvariantCulture, $"mocks{scheduledId}"), cancellationToken)
                .ConfigureAwait(false);
            session.LobbyMessageId = posted.MessageId;
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, session.Id, "scheduled lobby");
            session.State = MockState.Expired;
            session.FinishedAt = now;
        }

        scheduled.PostedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (session.State == MockState.Lobby)
        {
            await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<Dictionary<long, Learner>> LearnersAsync(PrepBotDbContext db, MockSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(session);
        var ids = new[] { session.HostId, session.InterviewerId, session.CandidateId }.OfType<long>().Distinct().ToList();
        return await db.Learners.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken).ConfigureAwait(false);
    }

    public static Learner? Seat(Dictionary<long, Learner> people, long? id) =>
        id is { } value && people?.GetValueOrDefault(value) is { } learner ? learner : null;

    /// <summary>A card of the kind for this session and round, the same for the same inputs (so a retried start picks the same).</summary>
    public Card? PickCard(MockKind kind, long sessionId, int round, string? exclude)
    {
        var cardKind = MockKinds.CardKind(kind);
        var cards = catalog.Cards.Where(c => c.Kind == cardKind && !c.Retired).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (cards.Count == 0)
        {
            return null;
        }

        var index = (int)(((sessionId * 31) + (round * 7)) % cards.Count);
        if (cards[index].Id == exclude && cards.Count > 1)
        {
            index = (index + 1) % cards.Count;
        }

        return cards[index];
    }

    private async Task PostRoundAsync(MockSession session, Learner interviewer, Learner candidate, Card card, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Mock interview, round {session.Round} of 2** ({MockKinds.Name(session.Kind)}, {Options.Length(session.Kind).TotalMinutes:0} minutes)\n");
        text.Append("Candidate: ").Append(ReplyText.Mention(candidate.PlatformUserId, candidate.DisplayName)).Append(" · Interviewer: ").Append(ReplyText.Mention(interviewer.PlatformUserId, interviewer.DisplayName)).Append('\n');
        text.Append("Time is up ").Append(ReplyText.Time(session.EndsAt!.Value, TimeStyle.ShortTime)).Append(" (").Append(ReplyText.Time(session.EndsAt!.Value, TimeStyle.Relative)).Append("). ");
        text.Append("The interviewer's reference answer, rubric and follow-up questions are behind **Interviewer notes** (interviewer only). Either of you can end the round early.\n\n");
        text.Append("**Prompt for the candidate**\n").Append(MockKinds.Prompt(card));
        await PostAsync(session.ThreadId!, new Reply
        {
            Markdown = text.ToString(),
            IsPrivate = false,
            Buttons =
            [
                new ReplyButton("Interviewer notes", new MockToken(MockAction.Notes, session.Id, session.Round).Format(), ButtonStyle.Secondary),
                new ReplyButton("End round early", new MockToken(MockAction.End, session.Id, session.Round).Format(), ButtonStyle.Danger),
            ],
        }, Nonce(session.Id, session.Round, "p"), cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleRoundAsync(session, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> CloseAsync(long sessionId, MockState from, MockState to, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var closed = await db.MockSessions
            .Where(s => s.Id == sessionId && s.State == from)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.State, to).SetProperty(s => s.FinishedAt, now).SetProperty(s => s.AbandonAt, (DateTimeOffset?)null),
                cancellationToken)
            .ConfigureAwait(false);
        return closed > 0;
    }

    /// <summary>The session is over: its thread leaves the channel's list (feedback buttons in it still answer).</summary>
    private async Task ArchiveAsync(long sessionId, string threadId, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.ArchiveThreadAsync(threadId, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            // Not fatal: Discord archives it after a day without messages anyway.
            LogDeliveryFailed(ex, sessionId, "thread archive");
        }
    }

    private async Task PostAsync(string channelId, Reply reply, string nonce, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.PostAsync(channelId, reply, nonce, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, 0, nonce);
        }
    }

    private static string Nonce(long sessionId, int round, string step) =>
        string.Create(CultureInfo.InvariantCulture, $"m{sessionId}r{round}{step}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Mock session {SessionId} paired ({Kind}, card {CardId})")]
    private partial void LogPaired(long sessionId, MockKind kind, string cardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mock session {SessionId} given up in state {State}")]
    private partial void LogAbandoned(long sessionId, MockState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mock session {SessionId}: Discord refused the {What}")]
    private partial void LogDeliveryFailed(Exception exception, long sessionId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled mock session {ScheduledId} for {StartsAt} was missed while the bot was down")]
    private partial void LogReminderMissed(long scheduledId, DateTimeOffset startsAt);
}
