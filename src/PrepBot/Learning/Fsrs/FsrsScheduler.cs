using System.Globalization;

namespace PrepBot.Learning.Fsrs;

/// <summary>What FSRS knows of one card after its last review.</summary>
/// <param name="Stability">Days until the probability of recall falls to 90%.</param>
/// <param name="Difficulty">1 (easy) to 10 (hard).</param>
/// <param name="LastReview">When the card was last graded.</param>
public sealed record FsrsMemory(double Stability, double Difficulty, DateTimeOffset LastReview);

/// <summary>The outcome of one review: the new memory, the interval in whole days and the instant it falls due.</summary>
public sealed record FsrsReview(FsrsMemory Memory, int IntervalDays, DateTimeOffset Due);

/// <summary>
/// Schedules cards with FSRS-6 the way ts-fsrs 5.4.2's scheduler does when it is given no learning or relearning
/// steps: every review, including the first and every Again, gives a memory state and an interval of whole days.
/// (PrepBot's same-day re-drill plays the part of ts-fsrs's minute-long learning steps; re-drill grades given the
/// same day go through the same-day stability formula.)
/// <list type="bullet">
/// <item>Elapsed time counts calendar days between the last review and this one, as ts-fsrs does; by default
/// UTC dates (as ts-fsrs), or the learner's study days with <see cref="ForStudyDays"/>.</item>
/// <item>A reviewed card's intervals keep Hard ≤ Good &lt; Easy: Hard is at most Good's, Good at least a day
/// more than Hard's, Easy at least a day more than Good's (so Easy may exceed the maximum interval by up to two days,
/// as in ts-fsrs).</item>
/// <item>Fuzz (when on) moves intervals of 3 days or more within Anki's ranges, chosen by a seed the caller supplies
/// (<see cref="FuzzSeed"/>), so the same review always gets the same interval and cards learned together spread out.</item>
/// </list>
/// </summary>
public sealed class FsrsScheduler
{
    private readonly Func<DateTimeOffset, DateOnly> _dayOf;

    /// <summary>Counts elapsed days in UTC calendar dates, as ts-fsrs does.</summary>
    public FsrsScheduler(FsrsParameters parameters)
        : this(parameters, static instant => DateOnly.FromDateTime(instant.UtcDateTime))
    {
    }

    /// <param name="parameters">The learner's weights, retention, maximum interval and fuzz setting.</param>
    /// <param name="dayOf">The day an instant belongs to; elapsed days are the difference of two such days.</param>
    public FsrsScheduler(FsrsParameters parameters, Func<DateTimeOffset, DateOnly> dayOf)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(dayOf);
        Parameters = parameters;
        _dayOf = dayOf;
    }

    public FsrsParameters Parameters { get; }

    /// <summary>A scheduler whose days are the learner's study days (04:00 to 04:00 local, <see cref="StudyCalendar"/>).</summary>
    public static FsrsScheduler ForStudyDays(FsrsParameters parameters, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new FsrsScheduler(parameters, instant => StudyCalendar.StudyDay(instant, zone));
    }

    /// <summary>A fuzz seed for one review of one card: the same learner, card and review count always give the same seed.</summary>
    public static string FuzzSeed(long learnerId, string cardId, int reviewCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{learnerId}:{cardId}:{reviewCount}");

    /// <summary>Grades a card: the first review when <paramref name="memory"/> is null.</summary>
    /// <param name="memory">The card's memory before this review; null for a card never reviewed.</param>
    /// <param name="rating">The grade given.</param>
    /// <param name="reviewTime">When it was given: not on a day before the last review.</param>
    /// <param name="fuzzSeed">Required when fuzz is on (see <see cref="FuzzSeed"/>); ignored when it is off.</param>
    public FsrsReview Next(FsrsMemory? memory, FsrsRating rating, DateTimeOffset reviewTime, string? fuzzSeed = null)
    {
        if (Parameters.EnableFuzz && fuzzSeed is null)
        {
            throw new ArgumentNullException(nameof(fuzzSeed), "A fuzz seed is required when fuzz is on (FsrsScheduler.FuzzSeed makes one).");
        }

        var elapsedDays = ElapsedDays(memory, reviewTime);
        var state = NextState(memory, elapsedDays, rating);
        var interval = memory is null || rating == FsrsRating.Again
            ? Interval(state.Stability, elapsedDays, fuzzSeed)
            : OrderedInterval(memory, elapsedDays, rating, state.Stability, fuzzSeed);
        var next = new FsrsMemory(state.Stability, state.Difficulty, reviewTime);
        return new FsrsReview(next, interval, reviewTime.AddDays(interval));
    }

    /// <summary>
    /// The interval in whole days, counted from the last review, after which recall of a card with <paramref name="memory"/>
    /// falls to the desired retention (fuzzed when fuzz is on): how a card is re-dated when a learner switches to FSRS or
    /// changes their retention.
    /// </summary>
    public int IntervalFor(FsrsMemory memory, string? fuzzSeed = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (Parameters.EnableFuzz && fuzzSeed is null)
        {
            throw new ArgumentNullException(nameof(fuzzSeed), "A fuzz seed is required when fuzz is on (FsrsScheduler.FuzzSeed makes one).");
        }

        return Interval(memory.Stability, 0, fuzzSeed);
    }

    /// <summary>
    /// The memory after a whole review history (oldest first; entries are put in time order, equal times keep their
    /// order); null for an empty history. Gives the same memory as grading the reviews one by one with <see cref="Next"/>.
    /// </summary>
    public FsrsMemory? Replay(IEnumerable<(DateTimeOffset At, FsrsRating Rating)> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        FsrsMemory? memory = null;
        foreach (var (at, rating) in history.OrderBy(review => review.At))
        {
            var (stability, difficulty) = NextState(memory, ElapsedDays(memory, at), rating);
            memory = new FsrsMemory(stability, difficulty, at);
        }

        return memory;
    }

    /// <summary>
    /// The probability of recalling the card at <paramref name="at"/>: R(t, S) with t the exact (fractional) days since the
    /// last review; 1 at or before the last review.
    /// </summary>
    public double Retrievability(FsrsMemory memory, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var elapsed = (at - memory.LastReview).TotalDays;
        return elapsed <= 0 ? 1 : FsrsModel.Retrievability(Parameters, elapsed, memory.Stability);
    }

    private (double Stability, double Difficulty) NextState(FsrsMemory? memory, int elapsedDays, FsrsRating rating) =>
        FsrsModel.NextState(Parameters, memory is null ? null : (memory.Stability, memory.Difficulty), elapsedDays, rating);

    private int ElapsedDays(FsrsMemory? memory, DateTimeOffset reviewTime)
    {
        if (memory is null)
        {
            return 0;
        }

        var days = _dayOf(reviewTime).DayNumber - _dayOf(memory.LastReview).DayNumber;
        return days >= 0
            ? days
            : throw new ArgumentOutOfRangeException(
                nameof(reviewTime),
                reviewTime,
                $"A review at {reviewTime:O} cannot follow the card's last review at {memory.LastReview:O}.");
    }

    // ts-fsrs computes Hard, Good and Easy together for a reviewed card and keeps them in order.
    private int OrderedInterval(FsrsMemory memory, int elapsedDays, FsrsRating rating, double stability, string? fuzzSeed)
    {
        var good = rating == FsrsRating.Good ? stability : NextState(memory, elapsedDays, FsrsRating.Good).Stability;
        var hard = rating == FsrsRating.Hard ? stability : NextState(memory, elapsedDays, FsrsRating.Hard).Stability;
        var goodInterval = Interval(good, elapsedDays, fuzzSeed);
        var hardInterval = Math.Min(Interval(hard, elapsedDays, fuzzSeed), goodInterval);
        goodInterval = Math.Max(goodInterval, hardInterval + 1);
        return rating switch
        {
            FsrsRating.Hard => hardInterval,
            FsrsRating.Good => goodInterval,
            _ => Math.Max(Interval(stability, elapsedDays, fuzzSeed), goodInterval + 1),
        };
    }

    private int Interval(double stability, int elapsedDays, string? fuzzSeed)
    {
        var interval = FsrsModel.NextInterval(Parameters, stability);
        return Parameters.EnableFuzz
            ? FsrsModel.Fuzz(interval, elapsedDays, Parameters.MaximumInterval, fuzzSeed!)
            : interval;
    }
}
