using System.Globalization;
using System.Text;

namespace PrepBot.Features.Interview;

/// <summary>The countdown's lines, shared by <c>/stats</c>, <c>/plan</c>, <c>/me interview</c> and the reminder DM.</summary>
public static class CountdownText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"in 43 days", "tomorrow", "today".</summary>
    public static string When(int daysLeft) => daysLeft switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => string.Create(Invariant, $"in {daysLeft} days"),
    };

    /// <summary>The interview's day and title: "**Fri 15 Jan 2027** (Data engineer, Acme)".</summary>
    public static string Describe(Countdown countdown)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        return $"**{Day(countdown.Interview.Date)}**" + (countdown.Interview.Title is { } title ? $" ({title})" : string.Empty);
    }

    /// <summary>The reminder DM's line: "🎯 12 days left until your interview (Data engineer, Acme)."</summary>
    public static string Reminder(Countdown countdown)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        var what = countdown.Interview.Title is { } title ? $"your interview ({title})" : "your interview";
        return countdown.DaysLeft switch
        {
            0 => $"🎯 Today is {what}. Good luck!",
            1 => $"🎯 1 day left: {what} is tomorrow.",
            var days => string.Create(Invariant, $"🎯 {days} days left until {what}."),
        };
    }

    /// <summary>
    /// The countdown block of <c>/stats</c> and <c>/plan</c>: the day and days left, predicted recall on the day (overall and
    /// the weakest topics, with the reviews that would bring each to 90%), and today's new-card pace.
    /// </summary>
    /// <param name="countdown">The learner's countdown.</param>
    /// <param name="forecast">Predicted recall on the day.</param>
    /// <param name="unseen">Cards of the plan not seen yet.</param>
    /// <param name="pace">Today's new-card pace (null on the interview day).</param>
    public static string Block(Countdown countdown, InterviewForecast forecast, int unseen, NewCardPace? pace)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        ArgumentNullException.ThrowIfNull(forecast);
        var text = new StringBuilder();
        text.Append("**Interview** ").Append(Describe(countdown)).Append(" — **").Append(When(countdown.DaysLeft)).Append("** (`/me interview`)\n");
        var notSeen = string.Create(Invariant, $"{unseen} card{(unseen == 1 ? " of the plan is" : "s of the plan are")} not seen yet");
        if (forecast.Overall is not { } overall)
        {
            text.Append("- Predicted recall on the day: nothing to predict yet — answer a few cards first (").Append(notSeen).Append(")\n");
        }
        else
        {
            text.Append(Invariant, $"- Predicted recall on the day, with no more reviews: **{Percent(overall.Recall)}** over the {overall.Cards} card{(overall.Cards == 1 ? "" : "s")} you have seen")
                .Append(ToNinety(overall)).Append(" · ").Append(notSeen).Append('\n');
            text.Append("- Weakest topics on the day: ")
                .AppendJoin(" · ", forecast.WeakestTopics.Select(t => string.Create(Invariant, $"`{t.Topic}` {Percent(t.Recall)}{ToNinety(t)}")))
                .Append('\n');
        }

        if (pace is not null)
        {
            text.Append("- ").Append(Pace(pace, countdown)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Today's new cards and why: "New cards: **13 a day** — 555 cards of the plan not seen, spread over …".</summary>
    public static string Pace(NewCardPace pace, Countdown countdown)
    {
        ArgumentNullException.ThrowIfNull(pace);
        ArgumentNullException.ThrowIfNull(countdown);
        if (pace.UnseenNow == 0)
        {
            return "New cards: none left — you have seen every card of the plan; reviews only from here.";
        }

        var seenBy = countdown.Interview.Date.AddDays(-NewCardPace.SeenDaysBefore);
        var why = pace.SpreadDays == 0
            ? string.Create(Invariant, $"all {pace.Unseen} cards of the plan you had not seen this morning, as your interview is a week away or nearer")
            : string.Create(Invariant, $"{pace.Unseen} card{(pace.Unseen == 1 ? "" : "s")} of the plan not seen this morning, spread over the {pace.SpreadDays} day{(pace.SpreadDays == 1 ? "" : "s")} before {Day(seenBy)} so all are seen a week before your interview");
        var cap = pace.CapHolds
            ? string.Create(Invariant, $"; your `/me cap new:{pace.Cap}` holds it to {pace.Cap}, so some will still be new in the last week")
            : string.Empty;
        return string.Create(Invariant, $"New cards: **{pace.Limit} today** — {why}{cap}.");
    }

    private static string ToNinety(GroupRecall group) => group.ReviewsTo90 switch
    {
        0 => string.Empty,
        1 => " (1 review to 90%)",
        var n => string.Create(Invariant, $" ({n} reviews to 90%)"),
    };

    private static string Percent(double value) => string.Create(Invariant, $"{Math.Floor(value * 100):0}%");

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", Invariant);
}
