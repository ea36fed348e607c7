using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// <c>/mock start|queue|schedule|history</c> and the session's buttons and feedback form. Replies go to the person who
/// acted, privately; what the pair shares (lobby, thread messages) goes out through <see cref="IMessenger"/>. Every
/// session button checks who pressed it: only the two participants act on a session (server admins may read feedback).
/// </summary>
public sealed partial class MockHandler(
    IDbContextFactory<PrepBotDbContext> contextFactory,
    MockInterviews interviews,
    MockTriggers triggers,
    CardCatalog catalog,
    IMessenger messenger,
    TimeProvider time,
    ILogger<MockHandler> logger)
{
    public const string KindOption = "kind";
    public const string WithOption = "with";
    public const string TimeOption = "time";

    /// <summary>At most this many cohort sessions may wait to start in one server.</summary>
    public const int MaxPendingSchedules = 20;

    private const string ScoreFieldPrefix = "s";
    private const string NotesField = "notes";

    /// <summary>False in the terminal, where there are no channels to pair in.</summary>
    public bool CanPost => messenger.CanPost;

    /// <summary>What the terminal (or a DM) answers: pairing needs a server channel.</summary>
    public static IReadOnlyList<Reply> OutsideServer(string command, bool canPost) =>
    [
        Reply.Text(canPost
            ? $"`/{command}` works in a server channel, where the lobby and the private thread live. Run it there."
            : $"`/{command}` works in a Discord server channel: the lobby, pairing and the private thread are Discord-only. " +
              "Here in the terminal, practise alone with `/quiz` or `/review`."),
    ];

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Path == "mock history")
        {
            return await HistoryAsync(learner, cancellationToken).ConfigureAwait(false);
        }

        if (who.GuildId is not { } guildId || who.ChannelId is not { } channelId || !messenger.CanPost)
        {
            return OutsideServer(command.Path, messenger.CanPost);
        }

        var kindText = command.Get(KindOption);
        if (!MockKinds.TryParse(kindText, out var kind))
        {
            return [Reply.Text($"`{KindOption}` must be `{MockKinds.Behavioral}`, `{MockKinds.Design}` or `{MockKinds.Sql}`; got '{kindText}'.")];
        }

        return command.Path switch
        {
            "mock start" => await StartAsync(learner, guildId, channelId, kind, command.Get(WithOption), cancellationToken).ConfigureAwait(false),
            "mock queue" => await QueueAsync(learner, guildId, channelId, kind, cancellationToken).ConfigureAwait(false),
            "mock schedule" => await ScheduleAsync(learner, guildId, channelId, kind, command.Get(TimeOption), cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"No mock handler for /{command.Path}."),
        };
    }

    public async Task<IReadOnlyList<Reply>> HandleComponentAsync(
        LearnerIdentity who, LearnerContext learner, MockToken token, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == token.SessionId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return [Reply.Text("That mock interview no longer exists (a participant may have deleted their data with `/me forget`).")];
        }

        if (token.Action is MockAction.JoinAsInterviewer or MockAction.JoinAsCandidate)
        {
            return await JoinAsync(who, learner, session, token.Action == MockAction.JoinAsInterviewer, cancellationToken).ConfigureAwait(false);
        }

        var people = await MockInterviews.LearnersAsync(db, session, cancellationToken).ConfigureAwait(false);
        var isParticipant = learner.Id == session.InterviewerId || learner.Id == session.CandidateId;
        if (!isParticipant && !(token.Action == MockAction.SeeFeedback && who.CanManageServer))
        {
            LogRefused(session.Id, who.UserId, token.Action);
            var pair = string.Join(" and ", new[] { session.InterviewerId, session.CandidateId }.OfType<long>()
                .Select(id => ReplyText.Mention(people[id].PlatformUserId, people[id].DisplayName)));
            return [Reply.Text($"This button belongs to the mock interview of {pair}; only they can use it. Start your own with `/mock start` or `/mock queue`.")];
        }

        if (token.Round != session.Round && token.Action is not MockAction.SeeFeedback)
        {
            return [Reply.Text($"That button is from round {token.Round}; the session is in round {session.Round} now.")];
        }

        return token.Action switch
        {
            MockAction.Notes => Notes(learner, session),
            MockAction.End => await EndAsync(learner, session, cancellationToken).ConfigureAwait(false),
            MockAction.Feedback => await FeedbackFormAsync(db, learner, session, people, cancellationToken).ConfigureAwait(false),
            MockAction.SubmitFeedback when input is ModalInput modal =>
                await SubmitFeedbackAsync(db, learner, session, people, modal, cancellationToken).ConfigureAwait(false),
            MockAction.SeeFeedback => await SeeFeedbackAsync(db, learner, session, token.Round, people, isParticipant, cancellationToken).ConfigureAwait(false),
            MockAction.Swap => await SwapAsync(learner, session, cancellationToken).ConfigureAwait(false),
            _ => [Reply.Text("PrepBot does not recognise that button (it may come from an older version). Try `/help`.")],
        };
    }

    private async Task<IReadOnlyList<Reply>> StartAsync(
        LearnerContext learner, string guildId, string channelId, MockKind kind, string? withUserId, CancellationToken cancellationToken)
    {
        if (withUserId is not null && (withUserId.Length is 0 or > 20 || !withUserId.All(char.IsAsciiDigit)))
        {
            return [Reply.Text($"`{WithOption}` must be a member of this server; got '{withUserId}'.")];
        }

        if (withUserId == learner.Learner.PlatformUserId)
        {
            return [Reply.Text("You cannot interview yourself: leave out `with:` to open the lobby to everyone, or name someone else.")];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await BusyAsync(db, learner.Id, cancellationToken).ConfigureAwait(false) is { } busy)
        {
            return [Reply.Text(busy)];
        }

        var now = time.GetUtcNow();
        var session = new MockSession
        {
            GuildId = guildId,
            ChannelId = channelId,
            Kind = kind,
            State = MockState.Lobby,
            HostId = learner.Id,
            InvitedUserId = withUserId,
            CreatedAt = now,
            AbandonAt = now.AddMinutes(interviews.Options.LobbyTimeoutMinutes),
        };
        db.MockSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var posted = await messenger.PostAsync(channelId, interviews.Lobby(session, learner.Learner, null, null), null, cancellationToken).ConfigureAwait(false);
            session.LobbyMessageId = posted.MessageId;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DeliveryException ex)
        {
            session.State = MockState.Expired;
            session.FinishedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return [Reply.Text($"PrepBot could not post the lobby in this channel. {ex.Message}")];
        }

        await triggers.ScheduleAbandonAsync(session, cancellationToken).ConfigureAwait(false);
        var whoJoins = withUserId is null ? "anyone in the channel" : ReplyText.Mention(withUserId);
        return [Reply.Text($"Lobby posted for a {MockKinds.Name(kind)} mock interview. Take a seat with its buttons; {whoJoins} can take the other. " +
            $"It closes in {interviews.Options.LobbyTimeoutMinutes} minutes if nobody pairs up.")];
    }

    private async Task<IReadOnlyList<Reply>> JoinAsync(LearnerIdentity who, LearnerContext learner, MockSession session, bool asInterviewer, CancellationToken cancellationToken)
    {
        var seat = asInterviewer ? "interviewer" : "candidate";
        if (session.State != MockState.Lobby)
        {
            return [Reply.Text("This lobby is closed: the session has started or was called off. Open another with `/mock start`.")];
        }

        var mine = asInterviewer ? session.InterviewerId : session.CandidateId;
        var other = asInterviewer ? session.CandidateId : session.InterviewerId;
        if (mine == learner.Id)
        {
            return [Reply.Text($"You are already the {seat} here; waiting for a partner.")];
        }

        if (other == learner.Id)
        {
            return [Reply.Text("You already hold the other seat: one person cannot be both interviewer and candidate.")];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        long? hostSeat = null;
        if (session.InvitedUserId is { } invited)
        {
            if (who.UserId != invited)
            {
                LogRefused(session.Id, who.UserId, asInterviewer ? MockAction.JoinAsInterviewer : MockAction.JoinAsCandidate);
                return [Reply.Text(learner.Id == session.HostId
                    ? $"You invited {ReplyText.Mention(invited)}: they pick a seat and you take the other."
                    : $"This lobby is for {ReplyText.Mention(invited)} only. Start your own with `/mock start`.")];
            }

            if (await BusyAsync(db, session.HostId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return [Reply.Text("The person who invited you is in another mock interview now; ask them to invite you again later.")];
            }

            hostSeat = session.HostId;
        }

        if (await BusyAsync(db, learner.Id, cancellationToken).ConfigureAwait(false) is { } busy)
        {
            return [Reply.Text(busy)];
        }

        var me = learner.Id;
        var taken = asInterviewer
            ? await db.MockSessions.Where(s => s.Id == session.Id && s.State == MockState.Lobby && s.InterviewerId == null && s.CandidateId != me)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.InterviewerId, me).SetProperty(s => s.CandidateId, s => hostSeat ?? s.CandidateId), cancellationToken)
                .ConfigureAwait(false)
            : await db.MockSessions.Where(s => s.Id == session.Id && s.State == MockState.Lobby && s.CandidateId == null && s.InterviewerId != me)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.CandidateId, me).SetProperty(s => s.InterviewerId, s => hostSeat ?? s.InterviewerId), cancellationToken)
                .ConfigureAwait(false);
        if (taken == 0)
        {
            return [Reply.Text($"Someone took the {seat} seat just before you. Take the other one, or start your own lobby with `/mock start`.")];
        }

        await db.MockQueueEntries.Where(q => q.LearnerId == me).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var now = await db.MockSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, cancellationToken).ConfigureAwait(false);
        if (now.InterviewerId is null || now.CandidateId is null)
        {
            await interviews.RefreshLobbyAsync(session.Id, null, cancellationToken).ConfigureAwait(false);
            return [Reply.Text($"You are the {seat}. When someone takes the other seat, PrepBot opens a private thread for the two of you.")];
        }

        if (await interviews.BeginAsync(session.Id, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return [Reply.Text(failed)];
        }

        return await PairedRepliesAsync(learner, session.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the person whose action started a round sees: the interviewer gets the notes straight away.</summary>
    private async Task<IReadOnlyList<Reply>> PairedRepliesAsync(LearnerContext learner, long sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await db.MockSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        var where = session.ThreadId is { } thread ? ReplyText.Channel(thread) : "the private thread";
        if (session.InterviewerId == learner.Id)
        {
            return [Reply.Text($"Paired! You are the **interviewer** for round {session.Round} in {where}. Your notes follow; the candidate sees only the prompt."), .. Notes(learner, session)];
        }

        return [Reply.Text($"Paired! You are the **candidate** for round {session.Round} in {where}. The prompt is posted there; think aloud.")];
    }

    private IReadOnlyList<Reply> Notes(LearnerContext learner, MockSession session)
    {
        if (session.InterviewerId != learner.Id)
        {
            return [Reply.Text("The interviewer's notes are for the interviewer only. As the candidate, answer the prompt in the thread.")];
        }

        if (session.State is not (MockState.Active or MockState.Feedback) || session.CardId is not { } cardId)
        {
            return [Reply.Text("This round is over; its notes are closed.")];
        }

        return catalog.Find(cardId) is { } card
            ? [Reply.Text(MockKinds.InterviewerNotes(card, session.Kind))]
            : [Reply.Text($"The card '{cardId}' of this round is no longer in the deck, so its notes cannot be shown.")];
    }

    private async Task<IReadOnlyList<Reply>> EndAsync(LearnerContext learner, MockSession session, CancellationToken cancellationToken)
    {
        if (session.State != MockState.Active)
        {
            return [Reply.Text("This round has already ended.")];
        }

        var ended = await interviews.EndRoundAsync(
            session.Id, session.Round, $"{ReplyText.Mention(learner.Learner.PlatformUserId, learner.Learner.DisplayName)} ended round {session.Round} early.", cancellationToken)
            .ConfigureAwait(false);
        return [Reply.Text(ended ? "Round ended. Give your feedback with the button in the thread." : "This round has already ended.")];
    }

    private static async Task<IReadOnlyList<Reply>> FeedbackFormAsync(
        PrepBotDbContext db, LearnerContext learner, MockSession session, Dictionary<long, Learner> people, CancellationToken cancellationToken)
    {
        if (session.State != MockState.Feedback)
        {
            return [Reply.Text(session.State == MockState.Active ? "Feedback opens when the round ends." : "Feedback for this round has closed.")];
        }

        if (await db.MockFeedbacks.AnyAsync(f => f.SessionId == session.Id && f.Round == session.Round && f.FromLearnerId == learner.Id, cancellationToken)
            .ConfigureAwait(false))
        {
            return [Reply.Text($"You already sent your feedback for round {session.Round}.")];
        }

        var direction = Direction(learner, session);
        var partner = people[Partner(learner, session)];
        var areas = MockKinds.Areas(session.Kind, direction);
        var fields = areas.Select((area, i) => new ModalField(
            ScoreFieldPrefix + (i + 1).ToString(CultureInfo.InvariantCulture), Label($"{area} (1-5)"), IsParagraph: false, MaxLength: 1, Placeholder: "1 = weak, 5 = excellent"))
            .Append(new ModalField(NotesField, "What went well, what to work on", IsParagraph: true, IsRequired: false, MaxLength: MockFeedback.MaxNotesLength))
            .ToList();
        var role = direction == MockFeedbackDirection.ForCandidate ? "candidate" : "interviewer";
        return [Reply.Form(new ModalRequest(
            new MockToken(MockAction.SubmitFeedback, session.Id, session.Round).Format(), Label($"Feedback: {partner.DisplayName} ({role})"), fields))];
    }

    private async Task<IReadOnlyList<Reply>> SubmitFeedbackAsync(
        PrepBotDbContext db, LearnerContext learner, MockSession session, Dictionary<long, Learner> people, ModalInput modal, CancellationToken cancellationToken)
    {
        if (session.State != MockState.Feedback)
        {
            return [Reply.Text("Feedback for this round has closed; what you wrote was not saved.")];
        }

        var direction = Direction(learner, session);
        var areas = MockKinds.Areas(session.Kind, direction);
        var scores = new int[areas.Count];
        var problems = new List<string>();
        for (var i = 0; i < areas.Count; i++)
        {
            var raw = modal.Fields.GetValueOrDefault(ScoreFieldPrefix + (i + 1).ToString(CultureInfo.InvariantCulture))?.Trim() ?? string.Empty;
            if (raw.Length != 1 || raw[0] is < '1' or > '5')
            {
                problems.Add($"'{areas[i]}' must be a whole number from 1 to 5 (got '{Shorten(raw)}')");
            }
            else
            {
                scores[i] = raw[0] - '0';
            }
        }

        var notes = modal.Fields.GetValueOrDefault(NotesField)?.Trim() ?? string.Empty;
        if (notes.Length > MockFeedback.MaxNotesLength)
        {
            problems.Add($"the notes may be at most {MockFeedback.MaxNotesLength} characters (got {notes.Length})");
        }

        if (problems.Count > 0)
        {
            return [new Reply
            {
                Markdown = "Your feedback was not saved: " + string.Join("; ", problems) + ". Press the button to fill it in again.",
                Buttons = [new ReplyButton("Give feedback", new MockToken(MockAction.Feedback, session.Id, session.Round).Format(), ButtonStyle.Primary)],
            }];
        }

        var partnerId = Partner(learner, session);
        db.MockFeedbacks.Add(new MockFeedback
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
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return [Reply.Text($"You already sent your feedback for round {session.Round}; the first one counts.")];
        }

        var round = session.Round;
        if (await interviews.CompleteFeedbackAsync(session.Id, round, cancellationToken).ConfigureAwait(false))
        {
            var received = await db.MockFeedbacks.AsNoTracking()
                .SingleOrDefaultAsync(f => f.SessionId == session.Id && f.Round == round && f.ToLearnerId == learner.Id, cancellationToken).ConfigureAwait(false);
            return [Reply.Text("Feedback saved. Here is what your partner wrote about you:\n\n" + Describe(received!, session.Kind, people))];
        }

        return [Reply.Text($"Feedback saved. {people[partnerId].DisplayName} has not sent theirs yet; when they do, **See my feedback** in the thread shows you what they wrote.")];
    }

    private static async Task<IReadOnlyList<Reply>> SeeFeedbackAsync(
        PrepBotDbContext db, LearnerContext learner, MockSession session, int round, Dictionary<long, Learner> people, bool isParticipant, CancellationToken cancellationToken)
    {
        var query = db.MockFeedbacks.AsNoTracking().Where(f => f.SessionId == session.Id && f.Round == round);
        if (isParticipant)
        {
            // Until both have written, neither reads: each sees the other's feedback only after giving their own.
            var mineSent = await query.AnyAsync(f => f.FromLearnerId == learner.Id, cancellationToken).ConfigureAwait(false);
            if (!mineSent && session.State == MockState.Feedback && session.Round == round)
            {
                return [Reply.Text("Send your own feedback first; then you can read your partner's.")];
            }

            query = query.Where(f => f.ToLearnerId == learner.Id);
        }

        var feedbacks = await query.OrderBy(f => f.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (feedbacks.Count == 0)
        {
            return [Reply.Text($"No feedback about you for round {round} (yet).")];
        }

        return [Reply.Text(string.Join("\n\n", feedbacks.Select(f => Describe(f, session.Kind, people))))];
    }

    private async Task<IReadOnlyList<Reply>> SwapAsync(LearnerContext learner, MockSession session, CancellationToken cancellationToken)
    {
        if (session.State != MockState.RoundDone || session.Round != 1)
        {
            return [Reply.Text(session.Round == 2 ? "Roles were already swapped for round 2." : "Roles can be swapped once both feedbacks of round 1 are in.")];
        }

        if (!await interviews.SwapAsync(session.Id, cancellationToken).ConfigureAwait(false))
        {
            return [Reply.Text("Roles were already swapped for round 2.")];
        }

        return await PairedRepliesAsync(learner, session.Id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> QueueAsync(LearnerContext learner, string guildId, string channelId, MockKind kind, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await BusyAsync(db, learner.Id, cancellationToken).ConfigureAwait(false) is { } busy)
        {
            return [Reply.Text(busy)];
        }

        var now = time.GetUtcNow();
        var mine = await db.MockQueueEntries.AsNoTracking().SingleOrDefaultAsync(q => q.GuildId == guildId && q.LearnerId == learner.Id, cancellationToken)
            .ConfigureAwait(false);
        if (mine is not null && mine.ExpiresAt > now)
        {
            return [Reply.Text($"You are already waiting for a {MockKinds.Name(mine.Kind)} partner here, until {ReplyText.Time(mine.ExpiresAt, TimeStyle.ShortTime)}.")];
        }

        var waiting = await db.MockQueueEntries.AsNoTracking()
            .Where(q => q.GuildId == guildId && q.Kind == kind && q.LearnerId != learner.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var since = MockPairing.RecentSince(now, learner.Zone);
        var me = learner.Id;
        var recent = (await db.MockSessions.AsNoTracking()
                .Where(s => s.CreatedAt >= since && s.InterviewerId != null && s.CandidateId != null && (s.InterviewerId == me || s.CandidateId == me))
                .Select(s => s.InterviewerId == me ? s.CandidateId!.Value : s.InterviewerId!.Value)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet();

        while (MockPairing.Choose(me, waiting, recent, now) is { } partner)
        {
            waiting.Remove(partner);

            // Whoever deletes the partner's place has matched them; someone quicker means try the next one.
            if (await db.MockQueueEntries.Where(q => q.Id == partner.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                continue;
            }

            await db.MockQueueEntries.Where(q => q.LearnerId == me).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var session = new MockSession
            {
                GuildId = guildId,
                ChannelId = partner.ChannelId,
                Kind = kind,
                State = MockState.Lobby,
                HostId = partner.LearnerId,

                // The one who waited longer answers first.
                CandidateId = partner.LearnerId,
                InterviewerId = me,
                CreatedAt = now,
            };
            db.MockSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (await interviews.BeginAsync(session.Id, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return [Reply.Text(failed)];
            }

            return await PairedRepliesAsync(learner, session.Id, cancellationToken).ConfigureAwait(false);
        }

        if (mine is not null)
        {
            db.MockQueueEntries.Remove(mine);
        }

        var entry = new MockQueueEntry
        {
            GuildId = guildId,
            ChannelId = channelId,
            LearnerId = me,
            Kind = kind,
            JoinedAt = now,
            ExpiresAt = now.AddMinutes(interviews.Options.QueueTimeoutMinutes),
        };
        db.MockQueueEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleQueueExpiryAsync(entry, cancellationToken).ConfigureAwait(false);
        return [Reply.Text($"You are in the {MockKinds.Name(kind)} queue of this server until {ReplyText.Time(entry.ExpiresAt, TimeStyle.ShortTime)}. " +
            "When someone else queues for the same kind, PrepBot opens a private thread for the two of you.")];
    }

    private async Task<IReadOnlyList<Reply>> ScheduleAsync(
        LearnerContext learner, string guildId, string channelId, MockKind kind, string? timeText, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!MockScheduleTime.TryParse(timeText, now, learner.Zone, out var startsAt, out var error))
        {
            return [Reply.Text(error)];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = await db.MockScheduledSessions.CountAsync(s => s.GuildId == guildId && s.PostedAt == null, cancellationToken).ConfigureAwait(false);
        if (pending >= MaxPendingSchedules)
        {
            return [Reply.Text($"This server already has {pending} mock sessions waiting to start (the most is {MaxPendingSchedules}). Try again after some have run.")];
        }

        var scheduled = new MockScheduledSession
        {
            GuildId = guildId,
            ChannelId = channelId,
            Kind = kind,
            StartsAt = startsAt,
            CreatedById = learner.Id,
            CreatedAt = now,
        };
        db.MockScheduledSessions.Add(scheduled);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleReminderAsync(scheduled, cancellationToken).ConfigureAwait(false);
        var local = TimeZoneInfo.ConvertTime(startsAt, learner.Zone);
        return [Reply.Text(string.Create(CultureInfo.InvariantCulture,
            $"Scheduled a {MockKinds.Name(kind)} cohort session in {ReplyText.Channel(channelId)} for {local:yyyy-MM-dd HH:mm} ({learner.Zone.Id}), " +
            $"that is {ReplyText.Time(startsAt, TimeStyle.LongDateTime)} in each reader's own time. At that time PrepBot posts a lobby there."))];
    }

    private async Task<IReadOnlyList<Reply>> HistoryAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var me = learner.Id;
        var sessions = await db.MockSessions.AsNoTracking()
            .Where(s => (s.InterviewerId == me || s.CandidateId == me) && (s.State == MockState.Finished || s.State == MockState.Feedback || s.State == MockState.RoundDone || s.State == MockState.Active))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(10)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (sessions.Count == 0)
        {
            return [Reply.Text("No mock interviews yet. In a server channel, `/mock start` opens a lobby and `/mock queue` finds you a partner.")];
        }

        var ids = sessions.Select(s => s.Id).ToList();
        var feedbacks = await db.MockFeedbacks.AsNoTracking().Where(f => ids.Contains(f.SessionId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var learnerIds = sessions.SelectMany(s => new[] { s.InterviewerId, s.CandidateId }).OfType<long>().Distinct().ToList();
        var names = await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.DisplayName, cancellationToken)
            .ConfigureAwait(false);

        var text = new StringBuilder("**Your mock interviews** (latest first)\n");
        foreach (var session in sessions)
        {
            var partnerId = session.InterviewerId == me ? session.CandidateId : session.InterviewerId;
            var local = TimeZoneInfo.ConvertTime(session.CreatedAt, learner.Zone);
            text.Append(CultureInfo.InvariantCulture, $"\n**{local:yyyy-MM-dd HH:mm}** · {MockKinds.Name(session.Kind)} with {names.GetValueOrDefault(partnerId ?? 0, "someone")}");
            text.Append(session.State == MockState.Finished ? string.Empty : " (in progress)").Append('\n');
            for (var round = 1; round <= session.Round; round++)
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
                text.Append(aboutMe is null ? "no feedback received" : $"you got {Scores(aboutMe, session.Kind)}");
                text.Append(byMe is null ? "; you gave none" : $"; you gave {Average(byMe):0.0}/5 on average").Append('\n');
            }
        }

        return [Reply.Text(text.ToString())];
    }

    /// <summary>An open session the learner holds a seat in, said as a reason to refuse a second one.</summary>
    private static async Task<string?> BusyAsync(PrepBotDbContext db, long learnerId, CancellationToken cancellationToken)
    {
        var open = await db.MockSessions.AsNoTracking()
            .Where(s => (s.State == MockState.Lobby || s.State == MockState.Active) && (s.InterviewerId == learnerId || s.CandidateId == learnerId))
            .Select(s => new { s.State, s.ThreadId })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return open switch
        {
            null => null,
            { State: MockState.Active, ThreadId: { } thread } => $"You are in a mock interview now ({ReplyText.Channel(thread)}). Finish or end that round first.",
            _ => "You already hold a seat in an open lobby; wait for a partner there, or let it close, before starting another.",
        };
    }

    private static MockFeedbackDirection Direction(LearnerContext learner, MockSession session) =>
        session.InterviewerId == learner.Id ? MockFeedbackDirection.ForCandidate : MockFeedbackDirection.ForInterviewer;

    private static long Partner(LearnerContext learner, MockSession session) =>
        (session.InterviewerId == learner.Id ? session.CandidateId : session.InterviewerId)
        ?? throw new InvalidOperationException($"Mock session {session.Id} has an empty seat.");

    private static string Describe(MockFeedback feedback, MockKind kind, Dictionary<long, Learner> people)
    {
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

    private static string Scores(MockFeedback feedback, MockKind kind)
    {
        var areas = MockKinds.Areas(kind, feedback.Direction);
        var scores = new[] { feedback.Score1, feedback.Score2, feedback.Score3, feedback.Score4 };
        return string.Create(CultureInfo.InvariantCulture, $"{Average(feedback):0.0}/5 ({string.Join(", ", areas.Select((a, i) => $"{a} {scores[i]}"))})");
    }

    private static double Average(MockFeedback feedback) => (feedback.Score1 + feedback.Score2 + feedback.Score3 + feedback.Score4) / 4.0;

    /// <summary>The partner's words as a block quote, so their Markdown cannot run into PrepBot's own text.</summary>
    private static string Quote(string notes) =>
        string.Join('\n', notes.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => "> " + line));

    private static string Shorten(string text) => text.Length <= 10 ? text : text[..10] + "…";

    private static string Label(string text) => text.Length <= 45 ? text : text[..44] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused mock action {Action} on session {SessionId} for user {UserId}, who is not in it")]
    private partial void LogRefused(long sessionId, string userId, MockAction action);
}
