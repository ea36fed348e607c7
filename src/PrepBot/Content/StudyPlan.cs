using System.Collections.Frozen;

namespace PrepBot.Content;

/// <summary>A topic of one week of the plan.</summary>
/// <param name="Id">What cards name in <c>topic</c>, e.g. <c>window-functions</c>.</param>
/// <param name="Description">The one-line description after the id.</param>
/// <param name="Line">1-based line of the topic's list item in plan.md.</param>
public sealed record PlanTopic(string Id, string Description, int Line);

/// <summary>One week of the 16-week plan as written in <c>content/plan.md</c>.</summary>
/// <param name="Number">1–16.</param>
/// <param name="Theme">The heading's text after the week number, e.g. <c>Orchestration with Airflow</c>.</param>
/// <param name="Summary">Markdown between the week heading and its first <c>###</c> section, or null.</param>
/// <param name="Goals">The <c>### Goals</c> section's Markdown.</param>
/// <param name="Learn">The <c>### Learn</c> section's Markdown.</param>
/// <param name="Build">The <c>### Build</c> section's Markdown.</param>
/// <param name="Topics">The <c>### Topics</c> list, in the order written.</param>
/// <param name="Line">1-based line of the week's heading.</param>
public sealed record PlanWeek(
    int Number,
    string Theme,
    string? Summary,
    string Goals,
    string Learn,
    string Build,
    IReadOnlyList<PlanTopic> Topics,
    int Line)
{
    public bool HasTopic(string id) => Topics.Any(topic => topic.Id == id);
}

/// <summary>
/// The 16-week plan (<c>content/plan.md</c>): which topics each week covers, with its goals and work.
/// Cards name a topic of the plan and sit in a week that lists it; the content checker enforces both.
/// </summary>
public sealed class StudyPlan
{
    /// <summary>The plan's file, relative to the content folder.</summary>
    public const string FileName = "plan.md";

    public const int WeekCount = CardFormat.LastWeek;

    private readonly FrozenDictionary<string, int[]> _weeksByTopic;

    public StudyPlan(IReadOnlyList<PlanWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        Weeks = [.. weeks.OrderBy(week => week.Number)];
        _weeksByTopic = Weeks
            .SelectMany(week => week.Topics.Select(topic => (topic.Id, week.Number)))
            .GroupBy(pair => pair.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.Number).Distinct().Order().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The weeks in order.</summary>
    public IReadOnlyList<PlanWeek> Weeks { get; }

    /// <summary>Every topic id some week lists, in no particular order.</summary>
    public IEnumerable<string> TopicIds => _weeksByTopic.Keys;

    /// <summary>The week with this number, or null.</summary>
    public PlanWeek? Week(int number) => Weeks.FirstOrDefault(week => week.Number == number);

    /// <summary>The weeks that list <paramref name="topicId"/>, ascending; empty for a topic the plan does not define.</summary>
    public IReadOnlyList<int> WeeksOf(string topicId) => _weeksByTopic.TryGetValue(topicId, out var weeks) ? weeks : [];

    public bool Defines(string topicId) => _weeksByTopic.ContainsKey(topicId);

    /// <summary>How many distinct topic ids the plan lists.</summary>
    public int TopicCount => _weeksByTopic.Count;

    /// <summary>The one-line description the plan gives the topic (its first mention), or null.</summary>
    public string? Describe(string topicId) =>
        Weeks.SelectMany(week => week.Topics).FirstOrDefault(topic => topic.Id == topicId)?.Description;
}

/// <summary>The outcome of <see cref="PlanParser.Parse"/>: the plan when the file has no problems, else every problem.</summary>
public sealed record PlanParseResult(StudyPlan? Plan, IReadOnlyList<ContentProblem> Problems);
