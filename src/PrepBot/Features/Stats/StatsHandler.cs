using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Interview;
using PrepBot.Features.Plan;
using PrepBot.Learning;

namespace PrepBot.Features.Stats;

/// <summary>
/// <c>/stats</c>: what is due today and each of the next 7 days, reviews and retention over 7 and 30 days, the streak
/// and the best one, the weakest topics, and a heatmap of the last 12 weeks (a PNG; text where pictures cannot be shown),
/// all on the learner's study calendar.
/// </summary>
public sealed class StatsHandler(
    LearnerStatsReader reader, CardCatalog catalog, TimeProvider time, ReviewStore reviews, InterviewCountdown countdowns, IOptions<LearningOptions> learning)
{
    /// <summary>Leeches named in <c>/stats</c>; more are counted.</summary>
    public const int LeechesShown = 10;

    public const string HeatmapFileName = "activity-12-weeks.png";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = time.GetUtcNow();
        var stats = await reader.ReadAsync(learner, now, cancellationToken).ConfigureAwait(false);
        var heatmap = new ReplyAttachment(HeatmapFileName, "image/png", HeatmapImage.Render(stats.Activity))
        {
            Description = stats.Activity.Describe(),
            TextFallback = stats.Activity.ToText(),
        };
        var leeches = await reviews.GetLeechesAsync(learner.Id, learning.Value.LeechLapses, cancellationToken).ConfigureAwait(false);
        var countdown = await countdowns.BlockAsync(learner, cancellationToken).ConfigureAwait(false);
        return [Reply.Text(Format(stats, learner.Zone.Id, catalog.Cards.Count(c => !c.Retired), Leeches(leeches), countdown)) with { Attachments = [heatmap] }];
    }

    /// <param name="stats">The learner's figures.</param>
    /// <param name="zoneId">Their time zone, shown in the heading.</param>
    /// <param name="deckSize">Cards that can be served.</param>
    /// <param name="leeches">The leeches line(s) (see <see cref="Leeches"/>), or null for none.</param>
    /// <param name="countdown">The interview countdown (<see cref="InterviewCountdown.BlockAsync"/>), or null without an interview.</param>
    public static string Format(LearnerStats stats, string zoneId, int deckSize, string? leeches = null, string? countdown = null)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var text = new StringBuilder();
        text.Append(Invariant, $"**Your progress** ({zoneId})\n\n");
        if (countdown is not null)
        {
            text.Append(countdown).Append('\n');
        }

        text.Append(Invariant, $"- Due now: **{stats.DueNow}** · by the end of today: {stats.DueToday} · in the next 7 days: {stats.DueThisWeek}\n");
        text.Append("- Coming up: ").AppendJoin(" · ", stats.DueByDay.Select((count, i) => $"{DayLabel(stats.Activity.Today, i)} {count.ToString(Invariant)}")).Append('\n');
        text.Append(Invariant, $"- Reviews: **{stats.ReviewsToday}** today · {stats.Last7Days.Reviews} in the last 7 days · {stats.Last30Days.Reviews} in the last 30\n");
        text.Append(Retention(stats.Last7Days, stats.Last30Days));
        text.Append(Invariant, $"- Streak: **{Days(stats.CurrentStreak)}** (best {stats.BestStreak})");
        text.Append(stats.PausedToday ? " · paused today, so it is frozen, not broken\n" : "\n");
        text.Append(WeakTopics(stats.WeakestTopics));
        text.Append(Invariant, $"- Cards seen: {stats.CardsSeen} of {deckSize}\n");
        text.Append(leeches).Append('\n');
        text.Append("Your last 12 weeks, one square a day from Monday (top) to Sunday: the greener, the more reviews; blue is paused.");
        return text.ToString();
    }

    /// <summary>The learner's leeches (cards forgotten again and again) by title with their lapses, worst first; null when there are none.</summary>
    private string? Leeches(IReadOnlyList<(string CardId, int Lapses)> leeches)
    {
        if (leeches.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"- Leeches ({leeches.Count}, cards you have forgotten {learning.Value.LeechLapses} times or more — suspend one from its answer, or read it again):\n");
        foreach (var (cardId, lapses) in leeches.Take(LeechesShown))
        {
            var name = catalog.Find(cardId) is { } card ? $"**{card.Title ?? card.Id}** (`{card.Id}`)" : $"`{cardId}` (no longer in the deck)";
            text.Append(Invariant, $"  - {name} — {lapses} lapses\n");
        }

        if (leeches.Count > LeechesShown)
        {
            text.Append(Invariant, $"  - and {leeches.Count - LeechesShown} more\n");
        }

        return text.ToString();
    }

    private static string DayLabel(DateOnly today, int offset) => offset switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => today.AddDays(offset).ToString("ddd", Invariant),
    };

    private static string Retention(PeriodStats week, PeriodStats month)
    {
        if (month.Retention is null)
        {
            return "- Retention: no graded reviews in the last 30 days yet\n";
        }

        var weekText = week.Retention is { } w
            ? string.Create(Invariant, $"**{w * 100:0}%** over 7 days ({week.Correct} of {week.Scored})")
            : "no graded reviews in the last 7 days";
        return string.Create(Invariant, $"- Retention (answered Hard or better): {weekText} · {month.Retention * 100:0}% over 30 days ({month.Correct} of {month.Scored})\n");
    }

    private static string WeakTopics(IReadOnlyList<TopicProgress> topics)
    {
        if (topics.Count == 0)
        {
            return string.Create(Invariant, $"- Weakest topics: none to show (a topic needs {LearnerStats.MinReviewsForWeakTopic} graded reviews in 30 days, with a miss)\n");
        }

        var list = topics.Select(t => string.Create(Invariant, $"`{t.Topic}` {t.Retention * 100:0}% ({t.Passed} of {t.Reviews})"));
        return "- Weakest topics (last 30 days): " + string.Join(" · ", list) + " — `/quiz topic:` drills one\n";
    }

    private static string Days(int days) => days == 1 ? "1 day" : string.Create(Invariant, $"{days} days");
}
