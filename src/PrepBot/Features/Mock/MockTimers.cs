using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>
/// What a round's timer trigger does when it fires: posts "10/5 minutes left" once, or ends the round at time's up. After
/// a restart it also finishes what the restart interrupted (a thread never opened, a "round is over" never posted).
/// </summary>
public sealed class MockTimers(MockStore store, MockSessionLifecycle lifecycle, MockPosts posts, TimeProvider time)
{
    public async Task OnTimerAsync(long sessionId, int round, MockTimerMark mark, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Round != round || ((MockTimerMark)session.PostedMarks & mark) != 0)
        {
            return;
        }

        if (mark == MockTimerMark.TimesUp)
        {
            if (session is { State: MockState.Active, ThreadId: null })
            {
                // The bot stopped between claiming the session and opening its thread: call it off rather than keep both busy.
                if (await lifecycle.CloseAsync(sessionId, MockState.Active, MockState.Expired, cancellationToken).ConfigureAwait(false))
                {
                    await posts.RefreshLobbyAsync(sessionId, MockPresenter.RestartedWhileOpening, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (session.State == MockState.Active)
            {
                await lifecycle.EndRoundAsync(sessionId, round, "**Time's up.**", cancellationToken).ConfigureAwait(false);
            }
            else if (session.State == MockState.Feedback)
            {
                // The round ended just before a restart and its message did not go out yet.
                await lifecycle.PostRoundOverAsync(session, "**The round has ended.**", cancellationToken).ConfigureAwait(false);
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
            await posts.PostAsync(
                threadId,
                MockPresenter.MinutesLeft(round, mark, ends),
                MockPosts.Nonce(sessionId, round, mark == MockTimerMark.TenMinutesLeft ? "t10" : "t5"),
                cancellationToken).ConfigureAwait(false);
        }

        await store.MarkPostedAsync(sessionId, round, mark, cancellationToken).ConfigureAwait(false);
    }
}
