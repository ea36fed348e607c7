using System.Diagnostics.Metrics;

namespace PrepBot.Telemetry;

/// <summary>
/// The bot's instruments (<see cref="System.Diagnostics.Metrics"/>), on the meter <see cref="MeterName"/>; the Discord
/// client's are on <see cref="Discord.DiscordMetrics.MeterName"/>. Recording costs next to nothing unless a listener
/// subscribes (the <c>/metrics</c> endpoint, see <see cref="Operations.OperationsServiceCollectionExtensions"/>). Tags hold commands,
/// outcomes, grades, verdicts and job names, never a learner's id or text. The README lists every metric.
/// </summary>
public static class PrepBotMetrics
{
    public const string MeterName = "PrepBot";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Interactions answered (or failed), by command and outcome.</summary>
    public static readonly Counter<long> Interactions = Meter.CreateCounter<long>(
        "prepbot.interactions", "{interaction}", "Interactions handled, by command and outcome (answered, deferred, failed, refused).");

    /// <summary>From the interaction's arrival to its answer sent, by command and outcome.</summary>
    public static readonly Histogram<double> InteractionDuration = Meter.CreateHistogram(
        "prepbot.interaction.duration",
        "s",
        "Time from an interaction's arrival to its answer sent to Discord, by command and outcome.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10] });

    public static readonly Counter<long> InteractionsDeferred = Meter.CreateCounter<long>(
        "prepbot.interactions.deferred", "{interaction}", "Interactions answered with \"thinking…\" first because the answer took longer than Discord:AnswerDirectlyWithinMilliseconds, by command.");

    public static readonly Counter<long> JobsFired = Meter.CreateCounter<long>(
        "prepbot.scheduler.jobs.fired", "{job}", "Scheduled jobs run by Quartz, by job group.");

    public static readonly Counter<long> JobsLate = Meter.CreateCounter<long>(
        "prepbot.scheduler.jobs.late", "{job}", "Scheduled jobs that ran more than a minute after their time (or misfired), by job group.");

    public static readonly Counter<long> JobsFailed = Meter.CreateCounter<long>(
        "prepbot.scheduler.jobs.failed", "{job}", "Scheduled jobs that ended with an exception, by job group.");

    public static readonly Counter<long> ReviewsRecorded = Meter.CreateCounter<long>(
        "prepbot.reviews.recorded", "{review}", "Reviews recorded (SM-2 updated and logged), by grade.");

    public static readonly Counter<long> ReviewsUndone = Meter.CreateCounter<long>(
        "prepbot.reviews.undone", "{review}", "Recorded reviews the learner took back with Undo, by grade.");

    public static readonly Counter<long> SqlGradings = Meter.CreateCounter<long>(
        "prepbot.sql.gradings", "{grading}", "Learners' SQL queries graded, by verdict (accepted, rejected, refused, failed, unavailable).");

    public static readonly Counter<long> SqlSandboxStops = Meter.CreateCounter<long>(
        "prepbot.sql.sandbox.stops", "{stop}", "Queries the SQL sandbox stopped at a limit, by limit (time, memory, rows, value_size).");

    /// <summary>A tag value for a review grade or a verdict: its lower-case name.</summary>
    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
