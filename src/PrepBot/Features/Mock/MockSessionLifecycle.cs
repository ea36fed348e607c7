using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// The life of a paired session: opening the private thread and posting round 1, ending a round, moving on once both
/// feedbacks are in, swapping roles for round 2, and giving up on whoever is left waiting. Every state change is a
/// conditional update in <see cref="MockStore"/> (the database decides who wins a race); the posts follow it.
/// </summary>
public sealed partial class MockSessionLifecycle(
    MockStore store,
    MockPosts posts,
    MockPresenter presenter,
    CardCatalog catalog,
    IMessenger messenger,
    MockTriggers triggers,
    IOptions<MockOptions> options,
    TimeProvider time,
    ILogger<MockSessionLifecycle> logger)
{
    private MockOptions Options => options.Value;

    /// <summary>
    /// Both seats are taken: claims the session for round 1, opens the private thread, adds both, posts the prompt and
    /// starts the timers. Returns null when started (or someone else started it), or why it could not start.
    /// </summary>
    public async Task<string?> BeginAsync(long sessionId, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is not { State: MockState.Lobby, InterviewerId: { } interviewerId, CandidateId: { } candidateId })
        {
            return null;
        }

        var card = PickCard(session.Kind, session.Id, 1, exclude: null);
        if (card is null)
        {
            await CloseAsync(sessionId, MockState.Lobby, MockState.Expired, cancellationToken).ConfigureAwait(false);
            var missing = MockPresenter.NoCards(session.Kind);
            await posts.RefreshLobbyAsync(sessionId, missing, cancellationToken).ConfigureAwait(false);
            return missing;
        }

        var now = time.GetUtcNow();
        var ends = now + Options.Length(session.Kind);
        if (!await store.ActivateRoundAsync(session, 1, interviewerId, candidateId, card.Id, now, ends, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var people = await store.PeopleAsync(session, cancellationToken).ConfigureAwait(false);
        var interviewer = people[interviewerId];
        var candidate = people[candidateId];
        string threadId;
        try
        {
            threadId = await messenger.StartPrivateThreadAsync(session.ChannelId, MockPresenter.ThreadName(session.Kind, interviewer, candidate), cancellationToken)
                .ConfigureAwait(false);
            await messenger.AddThreadMemberAsync(threadId, interviewer.PlatformUserId, cancellationToken).ConfigureAwait(false);
            await messenger.AddThreadMemberAsync(threadId, candidate.PlatformUserId, cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            LogDeliveryFailed(ex, sessionId, "private thread");
            await CloseAsync(sessionId, MockState.Active, MockState.Expired, cancellationToken).ConfigureAwait(false);
            var failed = MockPresenter.ThreadFailed(ex.Message);
            await posts.RefreshLobbyAsync(sessionId, failed, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        await store.SetThreadAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
        await store.LeaveQueuesAsync([interviewerId, candidateId], cancellationToken).ConfigureAwait(false);
        LogPaired(sessionId, session.Kind, card.Id);

        await posts.RefreshLobbyAsync(sessionId, MockPresenter.Paired(interviewer, candidate), cancellationToken).ConfigureAwait(false);
        session.ThreadId = threadId;
        await PostRoundAsync(session, interviewer, candidate, card, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Round 2: the roles swap, a new card of the same kind, the timers start again.</summary>
    public async Task<bool> SwapAsync(long sessionId, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
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

        var people = await store.PeopleAsync(session, cancellationToken).ConfigureAwait(false);
        await PostRoundAsync(session, people[oldCandidate], people[oldInterviewer], card, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Ends the running round (time's up or a participant pressed the button): feedback opens.</summary>
    public async Task<bool> EndRoundAsync(long sessionId, int round, string why, CancellationToken cancellationToken)
    {
        var abandonAt = time.GetUtcNow().AddMinutes(Options.FeedbackTimeoutMinutes);

        // The state changes first (time's up and "end early" racing each other: one wins), the message follows; the
        // TimesUp bit is set only once it is posted, so a restart in between posts it then (see MockTimers).
        if (!await store.EndRoundAsync(sessionId, round, abandonAt, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Mock session {sessionId} vanished while its round ended.");
        await PostRoundOverAsync(session, why, cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Posts "round is over" with the feedback button, then remembers it went out.</summary>
    public async Task PostRoundOverAsync(MockSession session, string why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var round = session.Round;
        await posts.PostAsync(session.ThreadId!, presenter.RoundOver(session.Id, round, why), MockPosts.Nonce(session.Id, round, "e"), cancellationToken)
            .ConfigureAwait(false);
        await store.MarkPostedAsync(session.Id, round, MockTimerMark.TimesUp, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a feedback was saved: once both are in, each may read theirs and (after round 1) swap roles.</summary>
    public async Task<bool> CompleteFeedbackAsync(long sessionId, int round, CancellationToken cancellationToken)
    {
        if (await store.FeedbackCountAsync(sessionId, round, cancellationToken).ConfigureAwait(false) < 2)
        {
            return false;
        }

        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Mock session {sessionId} vanished while its feedback completed.");
        var now = time.GetUtcNow();
        var next = round == 1 ? MockState.RoundDone : MockState.Finished;
        DateTimeOffset? abandonAt = round == 1 ? now.AddMinutes(Options.FeedbackTimeoutMinutes) : null;
        DateTimeOffset? finishedAt = round == 1 ? null : now;
        if (!await store.CloseFeedbackAsync(sessionId, round, next, abandonAt, finishedAt, cancellationToken).ConfigureAwait(false)
            || session.ThreadId is not { } threadId)
        {
            return false;
        }

        await posts.PostAsync(threadId, presenter.FeedbackComplete(sessionId, round), MockPosts.Nonce(sessionId, round, "f"), cancellationToken).ConfigureAwait(false);
        if (round == 1)
        {
            session.State = next;
            session.AbandonAt = abandonAt;
            await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await posts.ArchiveAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>A waiting state ran out: frees the people in it with a message and closes the session.</summary>
    public async Task OnAbandonAsync(long sessionId, int round, MockState state, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.State != state || session.Round != round || session.AbandonAt is not { } at || at > time.GetUtcNow())
        {
            return;
        }

        var final = state == MockState.Lobby ? MockState.Expired : MockState.Finished;
        if (!await CloseAsync(sessionId, state, final, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var people = await store.PeopleAsync(session, cancellationToken).ConfigureAwait(false);
        LogAbandoned(sessionId, state);
        switch (state)
        {
            case MockState.Lobby:
                var seated = new[] { MockPosts.Seat(people, session.InterviewerId), MockPosts.Seat(people, session.CandidateId) }.OfType<Learner>().ToList();
                await posts.RefreshLobbyAsync(sessionId, presenter.LobbyAbandoned(seated), cancellationToken).ConfigureAwait(false);
                break;
            case MockState.Feedback when session.ThreadId is { } threadId:
                var sent = await store.FeedbackSendersAsync(sessionId, round, cancellationToken).ConfigureAwait(false);
                var silent = new[] { session.InterviewerId, session.CandidateId }.OfType<long>().Where(id => !sent.Contains(id)).Select(id => people[id]);
                await posts.PostAsync(threadId, presenter.FeedbackAbandoned(sessionId, round, silent, sent.Count > 0), MockPosts.Nonce(sessionId, round, "x"), cancellationToken)
                    .ConfigureAwait(false);
                await posts.ArchiveAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
                break;
            case MockState.RoundDone when session.ThreadId is { } threadId:
                await posts.PostAsync(threadId, presenter.SwapAbandoned(), MockPosts.Nonce(sessionId, round, "x"), cancellationToken).ConfigureAwait(false);
                await posts.ArchiveAsync(sessionId, threadId, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Closes a session from state <paramref name="from"/> as <paramref name="to"/>; false if it was not in that state.</summary>
    public Task<bool> CloseAsync(long sessionId, MockState from, MockState to, CancellationToken cancellationToken) =>
        store.CloseAsync(sessionId, from, to, time.GetUtcNow(), cancellationToken);

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
        await posts.PostAsync(session.ThreadId!, presenter.RoundPrompt(session, interviewer, candidate, card), MockPosts.Nonce(session.Id, session.Round, "p"), cancellationToken)
            .ConfigureAwait(false);
        await triggers.ScheduleRoundAsync(session, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mock session {SessionId} paired ({Kind}, card {CardId})")]
    private partial void LogPaired(long sessionId, MockKind kind, string cardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mock session {SessionId} given up in state {State}")]
    private partial void LogAbandoned(long sessionId, MockState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mock session {SessionId}: Discord refused the {What}")]
    private partial void LogDeliveryFailed(Exception exception, long sessionId, string what);
}
