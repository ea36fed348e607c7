using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// <c>/mock queue</c>: matches the newcomer with someone already waiting in the server for the same kind (see
/// <see cref="MockPairing"/>) and starts their session, or keeps them waiting until their place lapses.
/// </summary>
public sealed class MockMatchmaking(
    MockStore store,
    MockPresenter presenter,
    MockPosts posts,
    MockLobby lobby,
    MockTriggers triggers,
    IOptions<MockOptions> options,
    TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> QueueAsync(LearnerContext learner, string guildId, string channelId, MockKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (MockReplies.Busy(await store.OpenSeatAsync(learner.Id, cancellationToken).ConfigureAwait(false)) is { } busy)
        {
            return MockReplies.Say(busy);
        }

        var now = time.GetUtcNow();
        var mine = await store.QueuePlaceAsync(guildId, learner.Id, cancellationToken).ConfigureAwait(false);
        if (mine is not null && mine.ExpiresAt > now)
        {
            return MockReplies.AlreadyQueued(mine);
        }

        var waiting = await store.WaitingAsync(guildId, kind, learner.Id, cancellationToken).ConfigureAwait(false);
        var me = learner.Id;
        var recent = await store.PartnersSinceAsync(me, MockPairing.RecentSince(now, learner.Zone), cancellationToken).ConfigureAwait(false);
        while (MockPairing.Choose(me, waiting, recent, now) is { } partner)
        {
            waiting.Remove(partner);

            // Whoever deletes the partner's place has matched them; someone quicker means try the next one.
            if (!await store.RemoveQueueEntryAsync(partner.Id, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await store.LeaveQueuesAsync([me], cancellationToken).ConfigureAwait(false);
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
            await store.AddSessionAsync(session, cancellationToken).ConfigureAwait(false);
            return await lobby.StartPairedAsync(learner, session.Id, cancellationToken).ConfigureAwait(false);
        }

        var entry = new MockQueueEntry
        {
            GuildId = guildId,
            ChannelId = channelId,
            LearnerId = me,
            Kind = kind,
            JoinedAt = now,
            ExpiresAt = now.AddMinutes(options.Value.QueueTimeoutMinutes),
        };
        await store.EnqueueAsync(entry, replacing: mine, cancellationToken).ConfigureAwait(false);
        await triggers.ScheduleQueueExpiryAsync(entry, cancellationToken).ConfigureAwait(false);
        return MockReplies.Queued(entry);
    }

    /// <summary>A place in the queue lapsed without a match: the learner leaves the queue and is told so in the channel.</summary>
    public async Task OnQueueExpiredAsync(long entryId, CancellationToken cancellationToken)
    {
        var entry = await store.FindQueueEntryAsync(entryId, cancellationToken).ConfigureAwait(false);
        if (entry is null || entry.ExpiresAt > time.GetUtcNow())
        {
            return;
        }

        var learner = await store.LearnerAsync(entry.LearnerId, cancellationToken).ConfigureAwait(false);
        await posts.PostAsync(entry.ChannelId, presenter.QueueLapsed(learner, entry.Kind), MockPosts.QueueNonce(entryId), cancellationToken).ConfigureAwait(false);
        await store.RemoveQueueEntryAsync(entryId, cancellationToken).ConfigureAwait(false);
    }
}
