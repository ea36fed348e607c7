using Microsoft.Extensions.Logging;

namespace PrepBot.Learning.Fsrs;

/// <summary>
/// Fits one learner's FSRS-6 weights to their own review log (<see cref="FsrsOptimizer"/>: at least 400 counted grades,
/// the most recent fifth held out) and keeps them only if they predict the held-out grades better than the defaults;
/// the figures are kept either way. Used by <c>/me optimize</c> and the weekly fit.
/// </summary>
public sealed partial class FsrsFitter(ReviewStatsStore stats, FsrsProfileStore profiles, ILogger<FsrsFitter> logger)
{
    private readonly FsrsOptimizer _optimizer = new();

    public int MinimumReviews => _optimizer.Options.MinimumReviews;

    /// <summary>Fits and saves; a log too short to fit changes nothing.</summary>
    public async Task<FsrsOptimizationResult> FitAsync(long learnerId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var grades = await stats.GetGradeHistoriesAsync(learnerId, cancellationToken).ConfigureAwait(false);
        var histories = SrsEvaluateCommand.HistoriesOf(grades);

        // Gradient descent is CPU work (tens of milliseconds for thousands of grades): off the caller's thread.
        var result = await Task.Run(() => _optimizer.Optimize(histories), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != FsrsOptimizationOutcome.NotEnoughReviews)
        {
            await profiles.SaveFitAsync(learnerId, result, zone, cancellationToken).ConfigureAwait(false);
            LogFitted(learnerId, result.Outcome, result.Reviews, result.DefaultLogLoss, result.FittedLogLoss);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FSRS fit for learner {LearnerId}: {Outcome} on {Reviews} reviews (held-out log loss default {DefaultLogLoss}, fitted {FittedLogLoss})")]
    private partial void LogFitted(long learnerId, FsrsOptimizationOutcome outcome, int reviews, double? defaultLogLoss, double? fittedLogLoss);
}
