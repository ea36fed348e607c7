using System.Globalization;
using System.Text;

namespace PrepBot.Tests.Support;

/// <summary>A valid 16-week plan.md with the curriculum's topic ids, for tests that need a plan in a temp content folder.</summary>
internal static class SamplePlan
{
    public static string Text { get; } = Build();

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="needle"/>.</summary>
    public static int LineOf(string text, string needle)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(needle, StringComparison.Ordinal));
        return index < 0 ? throw new ArgumentException($"'{needle}' is not in the text.", nameof(needle)) : index + 1;
    }

    private static string Build()
    {
        var text = new StringBuilder("# The plan\n\nSixteen weeks.\n");
        foreach (var (week, topics) in PlanTopics.ByWeek)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## Week {week} — Theme of week {week}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"### Goals\n\n- Goal of week {week}.\n\n");
            text.Append(CultureInfo.InvariantCulture, $"### Learn\n\n- Reading for week {week}.\n\n");
            text.Append(CultureInfo.InvariantCulture, $"### Build\n\n- Project of week {week}.\n\n");
            text.Append("### Topics\n\n");
            foreach (var topic in topics)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{topic}` — about {topic}\n");
            }
        }

        return text.ToString();
    }
}
