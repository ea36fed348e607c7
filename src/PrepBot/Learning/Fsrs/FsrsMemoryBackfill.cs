using Microsoft.Extensions.Logging;
using PrepBot.Data;

namespace PrepBot.Learning.Fsrs;

/// <summary>
/// At start, after the migrations: gives every card graded before PrepBot kept FSRS memory its stability and difficulty,
/// by replaying the review log (<see cref="ReviewStore.BackfillMemoryAsync"/>). Finds nothing to do once done.
/// </summary>
internal sealed partial class FsrsMemoryBackfill(ReviewStore reviews, ILogger<FsrsMemoryBackfill> logger) : IDatabaseUpgradeStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var done = await reviews.BackfillMemoryAsync(cancellationToken).ConfigureAwait(false);
        if (done.Cards > 0)
        {
            LogBackfilled(done.Cards, done.Learners, done.Reviews);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Computed the FSRS memory of {Cards} cards of {Learners} learners by replaying {Reviews} reviews")]
    private partial void LogBackfilled(int cards, int learners, int reviews);
}
