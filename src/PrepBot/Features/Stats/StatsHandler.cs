using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Features.Stats;

/// <summary><c>/stats</c>: due today and this week, reviews done, retention and streak, in the learner's time zone.</summary>
public sealed class StatsHandler(ReviewStore reviews, CardPicker picker, CardCatalog catalog, TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        var stats = await LearnerStats.ComputeAsync(reviews, picker, learner, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var deck = catalog.Cards.Count(c => !c.Retired);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"**Your progress** ({learner.Zone.Id})\n\n");
        text.Append(c, $"- Due now: **{stats.DueNow}** · by the end of today: {stats.DueToday} · in the next 7 days: {stats.DueThisWeek}\n");
        text.Append(c, $"- Reviews: **{stats.ReviewsToday}** today · {stats.ReviewsLast7Days} in the last 7 days · {stats.ReviewsLast30Days} in the last 30\n");
        text.Append(stats.RetentionLast30Days is { } retention
            ? string.Create(c, $"- Retention (last 30 days): {retention * 100:0}% of reviews answered Hard or better\n")
            : "- Retention: no reviews in the last 30 days yet\n");
        text.Append(c, $"- Streak: **{stats.CurrentStreak} day{(stats.CurrentStreak == 1 ? string.Empty : "s")}** (best {stats.BestStreak})\n");
        text.Append(c, $"- Cards seen: {stats.CardsSeen} of {deck}");
        return [Reply.Text(text.ToString())];
    }
}
