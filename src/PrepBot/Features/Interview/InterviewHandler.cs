using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Interview;

/// <summary>
/// <c>/me interview date:YYYY-MM-DD [title:"…"]</c> sets the learner's interview day, <c>date:off</c> clears it, no options
/// shows it. The day must be after today (the learner's study day) and at most <see cref="MaxDaysAhead"/> days away.
/// </summary>
public sealed class InterviewHandler(InterviewStore store, InterviewCountdown countdowns, TimeProvider time)
{
    public const string DateOption = "date";
    public const string TitleOption = "title";
    public const string Off = "off";

    /// <summary>Two years: further out, a countdown means nothing yet.</summary>
    public const int MaxDaysAhead = 730;

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static CommandDescriptor Command { get; } = new("interview", "Your interview day: /stats and /plan count down to it and new cards are paced for it.")
    {
        Options =
        [
            new CommandOption(DateOption, "The day, written YYYY-MM-DD (e.g. 2027-01-15), or off to clear it.", CommandOptionType.Text) { MaxLength = 32 },
            new CommandOption(TitleOption, "What it is for, e.g. \"Data engineer, Acme\".", CommandOptionType.Text) { MaxLength = InterviewPlan.MaxTitleLength },
        ],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var today = StudyCalendar.StudyDay(now, learner.Zone);
        var dateText = command.Get(DateOption)?.Trim();
        var titleText = command.Get(TitleOption);
        var current = await store.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);

        if (string.Equals(dateText, Off, StringComparison.OrdinalIgnoreCase))
        {
            var cleared = await store.ClearAsync(learner.Id, cancellationToken).ConfigureAwait(false);
            return [Reply.Text(cleared
                ? "Interview date cleared: no countdown, and new cards follow your plan and `/me cap` again."
                : "You had no interview date set, so there is nothing to clear.")];
        }

        var title = ParseTitle(titleText, out var titleError);
        if (titleError is not null)
        {
            return [Reply.Text(titleError)];
        }

        if (dateText is null)
        {
            if (titleText is null || current is null)
            {
                return [Reply.Text(current is null
                    ? "No interview date set. `/me interview date:YYYY-MM-DD title:\"Data engineer, Acme\"` sets one: `/stats` and `/plan` then count down to it, and new cards are paced so you have seen the whole plan a week before."
                    : await DescribeAsync(learner, "Your interview", cancellationToken).ConfigureAwait(false))];
            }

            await store.SetAsync(learner.Id, current with { Title = title }, cancellationToken).ConfigureAwait(false);
            return [Reply.Text(await DescribeAsync(learner, "Interview title changed", cancellationToken).ConfigureAwait(false))];
        }

        if (ParseDate(dateText, today, out var dateError) is not { } date)
        {
            return [Reply.Text(dateError!)];
        }

        await store.SetAsync(learner.Id, new InterviewDate(date, title ?? (current?.Date == date ? current.Title : null)), cancellationToken).ConfigureAwait(false);
        return [Reply.Text(await DescribeAsync(learner, "✅ Interview set", cancellationToken).ConfigureAwait(false))];
    }

    /// <summary>A day after <paramref name="today"/> written YYYY-MM-DD, at most <see cref="MaxDaysAhead"/> days away; null with a message naming the option otherwise.</summary>
    public static DateOnly? ParseDate(string text, DateOnly today, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (!DateOnly.TryParseExact(value, DateFormat, Invariant, DateTimeStyles.None, out var date))
        {
            error = $"`date` of `/me interview` must be a day written YYYY-MM-DD, e.g. `{today.AddDays(30).ToString(DateFormat, Invariant)}`, or `off` (got `{value}`).";
            return null;
        }

        if (date <= today)
        {
            error = $"`date` of `/me interview` must be after today ({today.ToString(DateFormat, Invariant)}); got `{value}`, which is {(date == today ? "today" : "in the past")}.";
            return null;
        }

        if (date.DayNumber - today.DayNumber > MaxDaysAhead)
        {
            error = $"`date` of `/me interview` must be within 2 years of today (by {today.AddDays(MaxDaysAhead).ToString(DateFormat, Invariant)}); got `{value}`.";
            return null;
        }

        error = null;
        return date;
    }

    /// <summary>A title of one line, at most <see cref="InterviewPlan.MaxTitleLength"/> characters (blank is no title); a message naming the option otherwise.</summary>
    public static string? ParseTitle(string? text, out string? error)
    {
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > InterviewPlan.MaxTitleLength)
        {
            error = string.Create(Invariant, $"`title` of `/me interview` is at most {InterviewPlan.MaxTitleLength} characters (got {value.Length}).");
            return null;
        }

        if (value.Any(char.IsControl))
        {
            error = "`title` of `/me interview` must be one line of text (got a line break or a control character).";
            return null;
        }

        return value;
    }

    private async Task<string> DescribeAsync(LearnerContext learner, string lead, CancellationToken cancellationToken)
    {
        if (await countdowns.GetAsync(learner, cancellationToken).ConfigureAwait(false) is not { } countdown)
        {
            return "Your interview day has passed. Set the next one with `/me interview date:YYYY-MM-DD`, or clear it with `date:off`.";
        }

        var pace = await countdowns.TodayPaceAsync(learner, countdown, cancellationToken).ConfigureAwait(false);
        var text = $"{lead}: {CountdownText.Describe(countdown)}, {CountdownText.When(countdown.DaysLeft)}. "
            + "`/stats` and `/plan` count down to it with your predicted recall on the day"
            + (countdown.InFinalStretch ? ", and until then reviews put the cards you are most likely to forget by then first." : "; in its last 14 days reviews put the cards you are most likely to forget by then first.");
        if (pace is not null)
        {
            text += "\n" + CountdownText.Pace(pace, countdown);
        }

        return text + "\nChange it with `/me interview date:YYYY-MM-DD`, clear it with `date:off`.";
    }
}
