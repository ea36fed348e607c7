using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Interview;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// A learner's daily limits (<c>/me cap</c>) and how much of them today's study day has used: scheduled reviews and
/// new cards graded since the day began (04:00 local, see <see cref="StudyCalendar"/>). Same-day re-drills are not
/// counted: they repeat cards already counted. With an interview ahead, new cards are paced toward it
/// (<see cref="Pace"/>, never above the learner's own cap).
/// </summary>
public sealed record DailyAllowance(int? ReviewCap, int ReviewsDone, int? NewCap, int NewDone)
{
    public static DailyAllowance Unlimited { get; } = new(null, 0, null, 0);

    /// <summary>Today's new-card pace toward the learner's interview (<c>/me interview</c>); null without one.</summary>
    public NewCardPace? Pace { get; init; }

    /// <summary>The learner's countdown to their interview, read with the caps; null without one (the review order uses it).</summary>
    public Countdown? Countdown { get; init; }

    /// <summary>New cards allowed today: the pace (held to the cap) when there is one, else the cap; null for no limit.</summary>
    public int? NewLimit => Pace?.Limit ?? NewCap;

    public bool ReviewsLeft => ReviewCap is null || ReviewsDone < ReviewCap;

    public bool NewLeft => NewLimit is null || NewDone < NewLimit;
}

/// <summary>Reads <see cref="DailyAllowance"/>s; <see cref="CardPicker"/> hands out no card beyond them.</summary>
public sealed class DailyCaps(LearnerSettingsStore settings, ReviewStore reviews, InterviewCountdown countdowns, TimeProvider time)
{
    /// <summary>The learner's caps, their interview pace and today's use; with no caps and no interview the log is not read.</summary>
    public async Task<DailyAllowance> GetAsync(LearnerContext learner, CancellationToken cancellationToken, bool countEvenWithoutCaps = false)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var caps = await settings.GetCapsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var countdown = await countdowns.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        if (caps.Reviews is null && caps.NewCards is null && countdown is null && !countEvenWithoutCaps)
        {
            return DailyAllowance.Unlimited;
        }

        var now = time.GetUtcNow();
        var dayStart = StudyCalendar.StartOf(StudyCalendar.StudyDay(now, learner.Zone), learner.Zone);
        var counts = await reviews.CountGradesSinceAsync(learner.Id, dayStart, cancellationToken).ConfigureAwait(false);
        var newDone = counts.GetValueOrDefault(ReviewKind.New);
        return new DailyAllowance(caps.Reviews, counts.GetValueOrDefault(ReviewKind.Scheduled), caps.NewCards, newDone)
        {
            Countdown = countdown,
            Pace = countdown is null ? null : await countdowns.PaceAsync(learner, countdown, newDone, caps.NewCards, cancellationToken).ConfigureAwait(false),
        };
    }
}
