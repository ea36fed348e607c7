using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Interview;
using PrepBot.Learning;

namespace PrepBot.Features.Plan;

/// <summary>
/// <c>/plan</c>: this week's goals and a checklist of its topics with the learner's progress; <c>/plan week:&lt;n&gt;</c>
/// another week; <c>/plan start:&lt;YYYY-MM-DD&gt;</c> sets the day the learner's week 1 begins.
/// </summary>
public sealed class PlanHandler(
    CardCatalog catalog, TopicProgressReader progress, LearnerStore learners, ICohortStarts cohorts, InterviewCountdown countdowns, TimeProvider time)
{
    public const string WeekOption = "week";
    public const string StartOption = "start";

    /// <summary>How far from today a chosen start may lie, either way.</summary>
    public const int MaxStartDistanceDays = 366;

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Inside a server with a cohort start (<c>/setup cohort</c>), the learner's context carries it.</summary>
    public async Task<IReadOnlyList<Reply>> HandleCommandAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var learner = request.Who.GuildId is { } guildId && await cohorts.GetCohortStartAsync(guildId, cancellationToken).ConfigureAwait(false) is { } start
            ? request.Learner with { CohortStart = start }
            : request.Learner;
        return await HandleAsync(learner, request.Command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var week = command.GetInt(WeekOption);
        if (command.Get(StartOption) is not { } startText)
        {
            // A learner without a start of their own follows the server's cohort (/setup cohort), if it has one.
            var position = PlanCalendar.Locate(learner.Learner.PlanStart ?? learner.CohortStart, learner.Learner.CreatedAt, learner.Zone, now);
            return [await WeekReplyAsync(learner, position, week ?? position.Week, lead: null, cancellationToken).ConfigureAwait(false)];
        }

        if (week is not null)
        {
            return [Reply.Text("`/plan` takes `start:` or `week:`, not both: set your start first, then look at a week.")];
        }

        var today = StudyCalendar.StudyDay(now, learner.Zone);
        if (ParseStart(startText, today, out var error) is not { } start)
        {
            return [Reply.Text(error!)];
        }

        await learners.SetPlanStartAsync(learner.Id, start, cancellationToken).ConfigureAwait(false);
        var moved = PlanCalendar.Locate(start, learner.Learner.CreatedAt, learner.Zone, now);
        var lead = moved.NotStarted
            ? $"✅ Your week 1 now starts on **{Day(start)}**, in {Days(moved.DaysUntilStart)}. Until then PrepBot treats you as in week 1."
            : moved.Finished
                ? $"✅ Your week 1 now starts on **{Day(start)}**: all 16 weeks are behind you, so you stay on week 16."
                : $"✅ Your week 1 now starts on **{Day(start)}**: today ({Day(today)}) is **week {moved.Week}** of {StudyPlan.WeekCount}.";
        return [await WeekReplyAsync(learner, moved, moved.Week, lead, cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>A start date written YYYY-MM-DD, within a year of <paramref name="today"/>; null with a message otherwise.</summary>
    public static DateOnly? ParseStart(string text, DateOnly today, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (!DateOnly.TryParseExact(value, DateFormat, Invariant, DateTimeStyles.None, out var start))
        {
            error = $"`start` of `/plan` must be a date written YYYY-MM-DD, e.g. `{today.ToString(DateFormat, Invariant)}` (got `{value}`).";
            return null;
        }

        if (Math.Abs(start.DayNumber - today.DayNumber) > MaxStartDistanceDays)
        {
            error = $"`start` of `/plan` must be within a year of today ({today.ToString(DateFormat, Invariant)}); got `{value}`.";
            return null;
        }

        error = null;
        return start;
    }

    private async Task<Reply> WeekReplyAsync(LearnerContext learner, PlanPosition position, int week, string? lead, CancellationToken cancellationToken)
    {
        var plan = catalog.Plan;
        var planWeek = plan?.Week(week);
        var topics = await progress.ReadAsync(learner, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.Append(lead).Append("\n\n");
        }

        text.Append(Invariant, $"**Week {week} of {StudyPlan.WeekCount}");
        text.Append(planWeek is null ? "**" : $" — {planWeek.Theme}**");
        text.Append(week == position.Week ? " · this week" : $" · you are on week {position.Week}");
        var followsCohort = learner.Learner.PlanStart is null && learner.CohortStart is not null && lead is null;
        text.Append('\n').Append(Where(position, week, followsCohort)).Append("\n\n");
        if (await countdowns.BlockAsync(learner, cancellationToken).ConfigureAwait(false) is { } countdown)
        {
            text.Append(countdown).Append('\n');
        }

        if (planWeek is null)
        {
            text.Append("This deck has no plan yet (`content/plan.md` is missing or has problems; an admin can run `content check`). ");
            text.Append("Topics of this week's cards:\n\n");
        }
        else
        {
            if (planWeek.Summary is { } summary)
            {
                text.Append(summary).Append("\n\n");
            }

            text.Append("**Goals**\n\n").Append(planWeek.Goals).Append("\n\n");
            text.Append("**Learn**\n\n").Append(planWeek.Learn).Append("\n\n");
            text.Append("**Build**\n\n").Append(planWeek.Build).Append("\n\n");
            text.Append(Invariant, $"**Topics** — cards seen ({(week == 1 ? "week 1" : $"weeks 1–{week}")}) · retention (last {TopicProgressReader.RetentionDays} days)\n\n");
        }

        var topicIds = planWeek is not null
            ? planWeek.Topics.Select(topic => (topic.Id, (string?)topic.Description)).ToList()
            : [.. catalog.Cards.Where(card => card.Week == week && !card.Retired).Select(card => card.Topic).Distinct().Order(StringComparer.Ordinal)
                .Select(id => (id, plan?.Describe(id)))];
        if (topicIds.Count == 0)
        {
            text.Append("_No cards in this week yet._\n");
        }

        foreach (var (id, description) in topicIds)
        {
            text.Append(ChecklistLine(topics.Progress(id, week), description)).Append('\n');
        }

        return new Reply { Markdown = text.ToString().TrimEnd(), Buttons = Buttons(position, week) };
    }

    private static string Where(PlanPosition position, int week, bool followsCohort)
    {
        var how = followsCohort ? "this server's cohort start; set your own with `/plan start:YYYY-MM-DD`"
            : position.FollowsEnrolment ? "the day you enrolled; set your own start with `/plan start:YYYY-MM-DD`"
            : "set with `/plan start`";
        var started = $"_Your week 1 starts on {Day(position.Start)} ({how})._";
        if (position.NotStarted)
        {
            return $"_Your plan starts on {Day(position.Start)}, in {Days(position.DaysUntilStart)} ({how}); until then you are on week 1._";
        }

        if (position.Finished)
        {
            return $"_🎓 Plan finished: week 16 ended on {Day(position.StartOf(StudyPlan.WeekCount).AddDays(6))}. You stay on week 16 — keep reviewing, or revisit any week with `/plan week:<n>`._";
        }

        return week == position.Week
            ? $"_Week {week} runs {Day(position.StartOf(week))} to {Day(position.StartOf(week).AddDays(6))}._ {started}"
            : $"_Week {week} {(week < position.Week ? "ran" : "runs")} {Day(position.StartOf(week))} to {Day(position.StartOf(week).AddDays(6))}._ {started}";
    }

    private static string ChecklistLine(TopicProgress topic, string? description)
    {
        var line = new StringBuilder();
        line.Append(topic.IsDone ? "- [x] " : "- [ ] ").Append('`').Append(topic.Topic).Append('`');
        if (description is not null)
        {
            line.Append(" — ").Append(description);
        }

        line.Append(": ");
        line.Append(topic.CardsTotal == 0
            ? "no cards yet"
            : string.Create(Invariant, $"{topic.CardsSeen}/{topic.CardsTotal} cards seen"));
        line.Append(topic.Retention is { } retention
            ? string.Create(Invariant, $" · retention {retention * 100:0}% ({topic.Reviews} review{(topic.Reviews == 1 ? "" : "s")})")
            : " · no reviews yet");
        return line.ToString();
    }

    private static List<ReplyButton> Buttons(PlanPosition position, int week)
    {
        var buttons = new List<ReplyButton>
        {
            week == position.Week
                ? new ReplyButton("Quiz me on this week", CommandButtons.Quiz, ButtonStyle.Primary)
                : new ReplyButton($"Quiz me on week {week}", $"{CommandButtons.Quiz} week:{week}", ButtonStyle.Primary),
        };
        if (week > 1)
        {
            buttons.Add(new ReplyButton($"Week {week - 1}", $"{CommandButtons.Prefix}plan week:{week - 1}"));
        }

        if (week < StudyPlan.WeekCount)
        {
            buttons.Add(new ReplyButton($"Week {week + 1}", $"{CommandButtons.Prefix}plan week:{week + 1}"));
        }

        return buttons;
    }

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", Invariant);

    private static string Days(int count) => count == 1 ? "1 day" : string.Create(Invariant, $"{count} days");
}
