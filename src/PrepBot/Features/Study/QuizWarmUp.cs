using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// Runs the reads of a returning learner's <c>/quiz</c> a few times at start, before the bot connects to Discord, for the first
/// learner enrolled (or nobody, on a new database): the database is only read, nothing is written. The Release bot compiles each method fully on its first
/// call (tiered compilation is off) and EF Core translates each query shape on its first run; without this, the first
/// returning learners after a start or deploy waited for about a hundred such compilations (70–95 ms instead of 3).
/// A failure is logged and the start goes on: it only costs those first learners the wait.
/// </summary>
public sealed partial class QuizWarmUp(
    LearnerStore learners, CardPicker picker, StudyFlow study, TimeProvider time, ILogger<QuizWarmUp> logger) : IHostedService
{
    /// <summary>No learner has it: identity ids come from the database's sequence, which starts at 1.</summary>
    private const long NobodyId = 0;

    /// <summary>
    /// Runs of the path: on PostgreSQL Npgsql prepares a statement on the server from its fifth use on a connection
    /// (<c>Max Auto Prepare</c>), a path of its own to compile.
    /// </summary>
    private const int Runs = 6;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var run = 0; run < Runs; run++)
            {
                await RunAsync(cancellationToken).ConfigureAwait(false);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            LogWarmedUp(logger, elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A returning learner's <c>/quiz</c>: the lookup of their identity, the choice of a card and its question, for the first
    /// learner enrolled (their real rows: what a returning learner's reads materialise) or, on a new database, for nobody; then a
    /// new learner's.
    /// </summary>
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var someone = await learners.FirstAsync(cancellationToken).ConfigureAwait(false);
        var learner = someone is null
            ? null
            : await learners.FindAsync(someone.Platform, someone.PlatformUserId, cancellationToken).ConfigureAwait(false);
        learner ??= new Learner
        {
            Id = NobodyId,
            Platform = LearnerPlatforms.Discord,
            PlatformUserId = "0",
            DisplayName = "warm-up",
            TimeZoneId = "UTC",
            CreatedAt = time.GetUtcNow(),
        };
        var zone = StudyCalendar.FindZone(learner.TimeZoneId) ?? TimeZoneInfo.Utc;
        foreach (var enrolled in new[] { false, true })
        {
            var context = new LearnerContext(learner, zone) { Enrolled = enrolled };
            if (await picker.ForQuizAsync(context, CardRequest.None, cancellationToken).ConfigureAwait(false) is { } picked)
            {
                study.Ask(context, picked, StudyMode.Quiz);
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Compiled the /quiz path before connecting ({Milliseconds:0} ms)")]
    private static partial void LogWarmedUp(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not run the /quiz path at start; the first learners may wait for its compilation")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
