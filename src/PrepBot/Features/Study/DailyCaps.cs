using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// A learner's daily limits (<c>/me cap</c>) and how much of them today's study day has used: scheduled reviews and
/// new cards graded since the day began (04:00 local, see <see cref="StudyCalendar"/>). Same-day re-drills are not
/// counted: they repeat cards already counted.
/// </summary>
public sealed record DailyAllowance(int? ReviewCap, int ReviewsDone, int? NewCap, int NewDone)
{
    public static DailyAllowance Unlimited { get; } = new(null, 0, null, 0);

    public bool ReviewsLeft => ReviewCap is null || ReviewsDone < ReviewCap;

    public bool NewLeft => NewCap is null || NewDone < NewCap;
}

/// <summary>Reads <see cref="DailyAllowance"/>s; <see cref="CardPicker"/> hands out no card beyond them.</summary>
public sealed class DailyCaps(LearnerSettingsStore settings, ReviewStore reviews, TimeProvider time)
{
    /// <summary>The learner's caps and today's use; with no caps set the log is not read.</summary>
    public async Task<DailyAllowance> GetAsync(LearnerContext learner, CancellationToken cancellationToken, bool countEvenWithoutCaps = false)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var caps = await settings.GetCapsAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        if (caps.Reviews is null && caps.NewCards is null && !countEvenWithoutCaps)
        {
            return DailyAllowance.Unlimited;
        }

        var now = time.GetUtcNow();
        var dayStart = StudyCalendar.StartOf(StudyCalendar.StudyDay(now, learner.Zone), learner.Zone);
        var counts = await reviews.CountGradesSinceAsync(learner.Id, dayStart, cancellationToken).ConfigureAwait(false);
        return new DailyAllowance(
            caps.Reviews,
            counts.GetValueOrDefault(ReviewKind.Scheduled),
            caps.NewCards,
            counts.GetValueOrDefault(ReviewKind.New));
    }
}
