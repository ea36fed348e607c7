using Microsoft.Extensions.Logging;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// <c>/mock start|queue|schedule|history</c> and the session's buttons and feedback form: reads what was asked and hands
/// it to the flow that does it. Every session button checks who pressed it: only the two participants act on a session
/// (server admins may read feedback). Replies go to the person who acted, privately.
/// </summary>
public sealed partial class MockHandler(
    MockStore store,
    MockLobby lobby,
    MockMatchmaking matchmaking,
    MockCohortSchedule cohorts,
    MockSessionLifecycle lifecycle,
    MockFeedbackFlow feedback,
    MockHistory history,
    MockReplies replies,
    IMessenger messenger,
    ILogger<MockHandler> logger)
{
    public const string KindOption = "kind";
    public const string WithOption = "with";
    public const string TimeOption = "time";

    /// <summary>False in the terminal, where there are no channels to pair in.</summary>
    public bool CanPost => messenger.CanPost;

    /// <summary>What the terminal (or a DM) answers: pairing needs a server channel.</summary>
    public static IReadOnlyList<Reply> OutsideServer(string command, bool canPost) => MockReplies.OutsideServer(command, canPost);

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Path == "mock history")
        {
            return await history.ShowAsync(learner, cancellationToken).ConfigureAwait(false);
        }

        if (who.GuildId is not { } guildId || who.ChannelId is not { } channelId || !messenger.CanPost)
        {
            return OutsideServer(command.Path, messenger.CanPost);
        }

        var kindText = command.Get(KindOption);
        if (!MockKinds.TryParse(kindText, out var kind))
        {
            return MockReplies.BadKind(kindText);
        }

        return command.Path switch
        {
            "mock start" => await lobby.StartAsync(learner, guildId, channelId, kind, command.Get(WithOption), cancellationToken).ConfigureAwait(false),
            "mock queue" => await matchmaking.QueueAsync(learner, guildId, channelId, kind, cancellationToken).ConfigureAwait(false),
            "mock schedule" => await cohorts.ScheduleAsync(learner, guildId, channelId, kind, command.Get(TimeOption), cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"No mock handler for /{command.Path}."),
        };
    }

    public async Task<IReadOnlyList<Reply>> HandleComponentAsync(
        LearnerIdentity who, LearnerContext learner, MockToken token, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(token);
        var session = await store.FindSessionAsync(token.SessionId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return MockReplies.NoSession();
        }

        if (token.Action is MockAction.JoinAsInterviewer or MockAction.JoinAsCandidate)
        {
            return await lobby.JoinAsync(who, learner, session, token.Action == MockAction.JoinAsInterviewer, cancellationToken).ConfigureAwait(false);
        }

        var people = await store.PeopleAsync(session, cancellationToken).ConfigureAwait(false);
        var isParticipant = learner.Id == session.InterviewerId || learner.Id == session.CandidateId;
        if (!isParticipant && !(token.Action == MockAction.SeeFeedback && who.CanManageServer))
        {
            LogRefused(session.Id, who.UserId, token.Action);
            return MockReplies.NotYours(new[] { session.InterviewerId, session.CandidateId }.OfType<long>().Select(id => people[id]));
        }

        if (token.Round != session.Round && token.Action is not MockAction.SeeFeedback)
        {
            return MockReplies.WrongRound(token.Round, session.Round);
        }

        return token.Action switch
        {
            MockAction.Notes => replies.Notes(learner, session),
            MockAction.End => await EndAsync(learner, session, cancellationToken).ConfigureAwait(false),
            MockAction.Feedback => await feedback.FormAsync(learner, session, people, cancellationToken).ConfigureAwait(false),
            MockAction.SubmitFeedback when input is ModalInput modal => await feedback.SubmitAsync(learner, session, people, modal, cancellationToken).ConfigureAwait(false),
            MockAction.SeeFeedback => await feedback.SeeAsync(learner, session, token.Round, people, isParticipant, cancellationToken).ConfigureAwait(false),
            MockAction.Swap => await SwapAsync(learner, session, cancellationToken).ConfigureAwait(false),
            _ => MockReplies.UnknownButton(),
        };
    }

    private async Task<IReadOnlyList<Reply>> EndAsync(LearnerContext learner, MockSession session, CancellationToken cancellationToken)
    {
        if (session.State != MockState.Active)
        {
            return MockReplies.RoundEnded(ended: false);
        }

        var ended = await lifecycle.EndRoundAsync(session.Id, session.Round, MockPresenter.EndedEarly(learner.Learner, session.Round), cancellationToken)
            .ConfigureAwait(false);
        return MockReplies.RoundEnded(ended);
    }

    private async Task<IReadOnlyList<Reply>> SwapAsync(LearnerContext learner, MockSession session, CancellationToken cancellationToken)
    {
        if (session.State != MockState.RoundDone || session.Round != 1)
        {
            return MockReplies.CannotSwap(session);
        }

        if (!await lifecycle.SwapAsync(session.Id, cancellationToken).ConfigureAwait(false))
        {
            return MockReplies.AlreadySwapped();
        }

        return await lobby.PairedAsync(learner, session.Id, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused mock action {Action} on session {SessionId} for user {UserId}, who is not in it")]
    private partial void LogRefused(long sessionId, string userId, MockAction action);
}
