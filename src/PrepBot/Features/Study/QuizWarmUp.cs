using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// Runs the reads of a returning learner's <c>/quiz</c> once at start, before the bot connects to Discord, for a learner who
/// does not exist: the database is only read, nothing is written. The Release bot compiles each method fully on its first
/// call (tiered compilation is off) and EF Core translates each query shape on its first run; without this, the first
/// returning learners after a start or deploy waited for about a hundred such compilations (70–95 ms instead of 3).
/// A failure is logged and the start goes on: it only costs those first learners the wait.
/// </summary>
public sealed partial class QuizWarmUp(
    LearnerStore learners, CardPicker picker, StudyFlow study, TimeProvider time, ILogger<QuizWarmUp> logger) : IHostedService
{
    /// <summary>No learner has it: identity ids come from the database's sequence, which starts at 1.</summary>
    private const long NobodyId = 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await RunAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogWarmedUp(logger, elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The lookup of an identity, then a <c>/quiz</c>'s choice and question for a returning and for a new learner.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        await learners.FindAsync(LearnerPlatforms.Discord, "0", cancellationToken).ConfigureAwait(false);
        var nobody = new Learner
        {
            Id = NobodyId,
            Platform = LearnerPlatforms.Discord,
            PlatformUserId = "0",
            DisplayName = "warm-up",
            TimeZoneId = "UTC",
            CreatedAt = time.GetUtcNow(),
        };
        foreach (var enrolled in new[] { false, true })
        {
            var context = new LearnerContext(nobody, TimeZoneInfo.Utc) { Enrolled = enrolled };
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
