using System.Globalization;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// What the person who ran a <c>/mock</c> command or pressed a session button sees, privately: refusals that say why,
/// confirmations, and the interviewer's notes. Feedback's own words are in <see cref="MockFeedbackText"/>.
/// </summary>
public sealed class MockReplies(IOptions<MockOptions> options, CardCatalog catalog)
{
    /// <summary>What the terminal (or a DM) answers: pairing needs a server channel.</summary>
    public static IReadOnlyList<Reply> OutsideServer(string command, bool canPost) =>
    [
        Reply.Text(canPost
            ? $"`/{command}` works in a server channel, where the lobby and the private thread live. Run it there."
            : $"`/{command}` works in a Discord server channel: the lobby, pairing and the private thread are Discord-only. " +
              "Here in the terminal, practise alone with `/quiz` or `/review`."),
    ];

    public static IReadOnlyList<Reply> Say(string text) => [Reply.Text(text)];

    public static IReadOnlyList<Reply> BadKind(string? kindText) =>
        Say($"`{MockHandler.KindOption}` must be `{MockKinds.Behavioral}`, `{MockKinds.Design}` or `{MockKinds.Sql}`; got '{kindText}'.");

    public static IReadOnlyList<Reply> NoSession() =>
        Say("That mock interview no longer exists (a participant may have deleted their data with `/me forget`).");

    public static IReadOnlyList<Reply> NotYours(IEnumerable<Learner> pair) =>
        Say($"This button belongs to the mock interview of {string.Join(" and ", pair.Select(MockPresenter.Mention))}; only they can use it. Start your own with `/mock start` or `/mock queue`.");

    public static IReadOnlyList<Reply> WrongRound(int buttonRound, int sessionRound) =>
        Say($"That button is from round {buttonRound}; the session is in round {sessionRound} now.");

    public static IReadOnlyList<Reply> UnknownButton() =>
        Say("PrepBot does not recognise that button (it may come from an older version). Try `/help`.");

    /// <summary>An open session the learner holds a seat in, said as a reason to refuse a second one; null when free.</summary>
    public static string? Busy(MockOpenSeat? open) => open switch
    {
        null => null,
        { State: MockState.Active, ThreadId: { } thread } => $"You are in a mock interview now ({ReplyText.Channel(thread)}). Finish or end that round first.",
        _ => "You already hold a seat in an open lobby; wait for a partner there, or let it close, before starting another.",
    };

    public static IReadOnlyList<Reply> BadWith(string withUserId) => Say($"`{MockHandler.WithOption}` must be a member of this server; got '{withUserId}'.");

    public static IReadOnlyList<Reply> NotYourself() =>
        Say("You cannot interview yourself: leave out `with:` to open the lobby to everyone, or name someone else.");

    public static IReadOnlyList<Reply> LobbyNotPosted(string why) => Say($"PrepBot could not post the lobby in this channel. {why}");

    public IReadOnlyList<Reply> LobbyPosted(MockKind kind, string? withUserId)
    {
        var whoJoins = withUserId is null ? "anyone in the channel" : ReplyText.Mention(withUserId);
        return Say($"Lobby posted for a {MockKinds.Name(kind)} mock interview. Take a seat with its buttons; {whoJoins} can take the other. " +
            $"It closes in {options.Value.LobbyTimeoutMinutes} minutes if nobody pairs up.");
    }

    public static IReadOnlyList<Reply> LobbyClosed() =>
        Say("This lobby is closed: the session has started or was called off. Open another with `/mock start`.");

    public static IReadOnlyList<Reply> AlreadySeated(string seat) => Say($"You are already the {seat} here; waiting for a partner.");

    public static IReadOnlyList<Reply> HoldsOtherSeat() => Say("You already hold the other seat: one person cannot be both interviewer and candidate.");

    public static IReadOnlyList<Reply> InvitedOnly(bool isHost, string invited) => Say(isHost
        ? $"You invited {ReplyText.Mention(invited)}: they pick a seat and you take the other."
        : $"This lobby is for {ReplyText.Mention(invited)} only. Start your own with `/mock start`.");

    public static IReadOnlyList<Reply> InviterBusy() =>
        Say("The person who invited you is in another mock interview now; ask them to invite you again later.");

    public static IReadOnlyList<Reply> SeatTaken(string seat) =>
        Say($"Someone took the {seat} seat just before you. Take the other one, or start your own lobby with `/mock start`.");

    public static IReadOnlyList<Reply> Seated(string seat) =>
        Say($"You are the {seat}. When someone takes the other seat, PrepBot opens a private thread for the two of you.");

    /// <summary>What the person whose action started a round sees: the interviewer gets the notes straight away.</summary>
    public IReadOnlyList<Reply> Paired(LearnerContext learner, MockSession session)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(session);
        var where = session.ThreadId is { } thread ? ReplyText.Channel(thread) : "the private thread";
        if (session.InterviewerId == learner.Id)
        {
            return [Reply.Text($"Paired! You are the **interviewer** for round {session.Round} in {where}. Your notes follow; the candidate sees only the prompt."), .. Notes(learner, session)];
        }

        return Say($"Paired! You are the **candidate** for round {session.Round} in {where}. The prompt is posted there; think aloud.");
    }

    public IReadOnlyList<Reply> Notes(LearnerContext learner, MockSession session)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(session);
        if (session.InterviewerId != learner.Id)
        {
            return Say("The interviewer's notes are for the interviewer only. As the candidate, answer the prompt in the thread.");
        }

        if (session.State is not (MockState.Active or MockState.Feedback) || session.CardId is not { } cardId)
        {
            return Say("This round is over; its notes are closed.");
        }

        return catalog.Find(cardId) is { } card
            ? Say(MockKinds.InterviewerNotes(card, session.Kind))
            : Say($"The card '{cardId}' of this round is no longer in the deck, so its notes cannot be shown.");
    }

    public static IReadOnlyList<Reply> RoundEnded(bool ended) =>
        Say(ended ? "Round ended. Give your feedback with the button in the thread." : "This round has already ended.");

    public static IReadOnlyList<Reply> CannotSwap(MockSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Round == 2 ? AlreadySwapped() : Say("Roles can be swapped once both feedbacks of round 1 are in.");
    }

    public static IReadOnlyList<Reply> AlreadySwapped() => Say("Roles were already swapped for round 2.");

    public static IReadOnlyList<Reply> AlreadyQueued(MockQueueEntry place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return Say($"You are already waiting for a {MockKinds.Name(place.Kind)} partner here, until {ReplyText.Time(place.ExpiresAt, TimeStyle.ShortTime)}.");
    }

    public static IReadOnlyList<Reply> Queued(MockQueueEntry place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return Say($"You are in the {MockKinds.Name(place.Kind)} queue of this server until {ReplyText.Time(place.ExpiresAt, TimeStyle.ShortTime)}. " +
            "When someone else queues for the same kind, PrepBot opens a private thread for the two of you.");
    }

    public static IReadOnlyList<Reply> TooManySchedules(int pending, int most) =>
        Say($"This server already has {pending} mock sessions waiting to start (the most is {most}). Try again after some have run.");

    public static IReadOnlyList<Reply> Scheduled(MockKind kind, string channelId, DateTimeOffset startsAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(startsAt, zone);
        return Say(string.Create(CultureInfo.InvariantCulture,
            $"Scheduled a {MockKinds.Name(kind)} cohort session in {ReplyText.Channel(channelId)} for {local:yyyy-MM-dd HH:mm} ({zone.Id}), " +
            $"that is {ReplyText.Time(startsAt, TimeStyle.LongDateTime)} in each reader's own time. At that time PrepBot posts a lobby there."));
    }
}
