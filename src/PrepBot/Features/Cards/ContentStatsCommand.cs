using System.Globalization;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Learning;

namespace PrepBot.Features.Cards;

/// <summary>
/// <c>content stats [--min-reviews N]</c>: for authors, every card learners have graded, worst first (see
/// <see cref="CardStatsReport.Ordering"/>), with the figures <c>/card show</c> gives for one card.
/// </summary>
public sealed class ContentStatsCommand(ReviewStatsStore stats, CardCatalog catalog, IOptions<LearningOptions> learning)
{
    /// <param name="minReviews">Leave out cards with fewer grades than this.</param>
    /// <param name="database">The database read, named in the header.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public async Task RunAsync(int minReviews, string database, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minReviews, 1);
        ArgumentNullException.ThrowIfNull(output);
        var leech = learning.Value.LeechLapses;
        var cards = CardStatsReport.WorstFirst((await stats.GetAllAsync(leech, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Reviews >= minReviews));
        var c = CultureInfo.InvariantCulture;
        var reviews = minReviews == 1 ? "1 review" : string.Create(c, $"{minReviews} reviews");
        if (cards.Count == 0)
        {
            await output.WriteLineAsync($"No card has {reviews} or more in {database} yet.").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(c,
            $"Card statistics from {database}: {cards.Count} {(cards.Count == 1 ? "card" : "cards")} with {reviews} or more, {CardStatsReport.Ordering}.")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c,
            $"Undone grades are left out. A leech is a learner's card failed {leech} or more times on scheduled reviews (Learning:LeechLapses).")).ConfigureAwait(false);
        for (var i = 0; i < cards.Count; i++)
        {
            var card = catalog.Find(cards[i].CardId);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(c, $"{i + 1}. {CardStatsReport.Title(cards[i].CardId, card)}")).ConfigureAwait(false);
            await output.WriteLineAsync("   " + CardStatsReport.Figures(cards[i])).ConfigureAwait(false);
            foreach (var line in CardStatsReport.Options(cards[i], card))
            {
                await output.WriteLineAsync("   " + line).ConfigureAwait(false);
            }
        }
    }
}
