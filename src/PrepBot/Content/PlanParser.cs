using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace PrepBot.Content;

/// <summary>
/// Reads <c>content/plan.md</c> (format in content/README.md): an optional <c># Title</c> and introduction, then one
/// <c>## Week &lt;n&gt; — &lt;theme&gt;</c> heading per week with <c>### Goals</c>, <c>### Learn</c>, <c>### Build</c> and
/// <c>### Topics</c> (a list of <c>`topic-id` — description</c> lines). Every problem is reported with its line; the
/// plan is returned only when there is none. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// It lives in Content/ beside <see cref="CardParser"/> because it is part of the deck: the catalog loads and reloads it
/// with the cards, and the content checker reports its problems and checks cards against it. Features read the result.
/// </remarks>
public static partial class PlanParser
{
    private const string Goals = "Goals";
    private const string Learn = "Learn";
    private const string Build = "Build";
    private const string Topics = "Topics";
    private const string TopicLineFormat = "a topic line is '- `topic-id` — one-line description'";

    private static readonly string[] SectionNames = [Goals, Learn, Build, Topics];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().Build();

    /// <param name="path">The path problems name (e.g. <c>plan.md</c>, or as the checker shows it).</param>
    /// <param name="text">The file's text; CRLF line ends are normalised to LF.</param>
    public static PlanParseResult Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var source = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var reader = new Reader(source, new SourceLines(source), new ProblemCollector(path));
        var weeks = reader.Read(Markdown.Parse(source, Pipeline));
        var problems = reader.Problems.ToList();
        return new PlanParseResult(problems.Count == 0 ? new StudyPlan(weeks) : null, problems);
    }

    /// <summary><c>Week 3 — Theme</c>; the separator may be an em dash, an en dash, a hyphen or a colon.</summary>
    [GeneratedRegex(@"^week\s+(?<number>[0-9]+)\s*(?:—|–|-|:)\s*(?<theme>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekHeading();

    [GeneratedRegex(@"^`?(?<id>[^`\s]+)`?\s*(?:(?:—|–|:)\s*|-\s+)(?<description>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicLine();

    [GeneratedRegex(@"^`?(?<id>[^`\s]+)`?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareTopic();

    private sealed class Reader(string source, SourceLines lines, ProblemCollector problems)
    {
        public ProblemCollector Problems => problems;

        public List<PlanWeek> Read(MarkdownDocument document)
        {
            var blocks = document.Where(block => block is not LinkReferenceDefinitionGroup).ToList();
            var weeks = new List<PlanWeek>();
            var firstLineOfWeek = new Dictionary<int, int>();
            var sawWeekHeading = false;
            var headed = new HashSet<int>();
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                if (block is HeadingBlock { Level: 1 } && (i > 0 || sawWeekHeading))
                {
                    problems.Add(LineOf(block), "only the plan's title (the first line) may be a '# ' heading; weeks are '## Week <n> — <theme>'");
                    continue;
                }

                if (block is not HeadingBlock { Level: 2 } heading)
                {
                    continue;
                }

                sawWeekHeading = true;
                var end = i + 1;
                while (end < blocks.Count && blocks[end] is not HeadingBlock { Level: <= 2 })
                {
                    end++;
                }

                if (ReadWeek(heading, blocks[(i + 1)..end], blocks.ElementAtOrDefault(end), headed) is { } week)
                {
                    if (firstLineOfWeek.TryGetValue(week.Number, out var firstLine))
                    {
                        problems.Add(week.Line, $"week {week.Number} is given twice (first on line {firstLine})");
                    }
                    else
                    {
                        firstLineOfWeek.Add(week.Number, week.Line);
                        weeks.Add(week);
                    }
                }

                i = end - 1;
            }

            if (!sawWeekHeading)
            {
                problems.Add(Math.Max(lines.Count, 1), $"the plan has no weeks: add '## Week 1 — <theme>' to '## Week {StudyPlan.WeekCount} — <theme>', each with Goals, Learn, Build and Topics");
                return weeks;
            }

            foreach (var missing in Enumerable.Range(1, StudyPlan.WeekCount).Where(number => !headed.Contains(number)))
            {
                problems.Add(lines.Count, $"week {missing} is missing: add '## Week {missing} — <theme>' with Goals, Learn, Build and Topics");
            }

            return weeks;
        }

        /// <summary>
        /// One week: its heading, the blocks up to the next <c>##</c>, and that next block (where its text ends); adds
        /// its number to <paramref name="headed"/> when the heading is well formed, so a broken week is not also "missing".
        /// </summary>
        private PlanWeek? ReadWeek(HeadingBlock heading, List<Block> blocks, Block? next, HashSet<int> headed)
        {
            var line = LineOf(heading);
            var text = HeadingText(heading);
            var match = WeekHeading().Match(text);
            if (!match.Success)
            {
                problems.Add(line, $"malformed week heading '## {text}': write '## Week <n> — <theme>' with n from 1 to {StudyPlan.WeekCount}");
                return null;
            }

            if (!int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number is < 1 or > StudyPlan.WeekCount)
            {
                problems.Add(line, $"week number must be from 1 to {StudyPlan.WeekCount} (got '{match.Groups["number"].Value}')");
                return null;
            }

            headed.Add(number);
            var before = problems.Count;
            var sectionHeadings = blocks.OfType<HeadingBlock>().Where(h => h.Level == 3).ToList();
            var weekEnd = next?.Span.Start ?? source.Length;
            var summaryEnd = sectionHeadings.Count > 0 ? sectionHeadings[0].Span.Start : weekEnd;
            var summary = Slice(AfterLineOf(heading), summaryEnd);

            var sections = new Dictionary<string, (string Markdown, int Line)>(StringComparer.Ordinal);
            var topics = new List<PlanTopic>();
            for (var s = 0; s < sectionHeadings.Count; s++)
            {
                var sectionHeading = sectionHeadings[s];
                var sectionLine = LineOf(sectionHeading);
                var name = HeadingText(sectionHeading);
                var canonical = SectionNames.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
                if (canonical is null)
                {
                    var suggestion = Suggestions.Closest(name, SectionNames);
                    problems.Add(sectionLine, suggestion is null
                        ? $"unknown section '### {name}' in week {number} (a week has {string.Join(", ", SectionNames)})"
                        : $"unknown section '### {name}' in week {number} (did you mean '{suggestion}'?)");
                    continue;
                }

                if (sections.TryGetValue(canonical, out var first))
                {
                    problems.Add(sectionLine, $"section '{canonical}' of week {number} is given twice (first on line {first.Line})");
                    continue;
                }

                var sectionEnd = s + 1 < sectionHeadings.Count ? sectionHeadings[s + 1].Span.Start : weekEnd;
                var markdown = Slice(AfterLineOf(sectionHeading), sectionEnd);
                sections.Add(canonical, (markdown, sectionLine));
                if (markdown.Length == 0)
                {
                    problems.Add(sectionLine, $"section '{canonical}' of week {number} is empty");
                }
                else if (canonical == Topics)
                {
                    var content = blocks.Where(b => b.Span.Start > sectionHeading.Span.End && b.Span.Start < sectionEnd).ToList();
                    topics.AddRange(ReadTopics(number, content));
                }
            }

            foreach (var missing in SectionNames.Where(name => !sections.ContainsKey(name)))
            {
                problems.Add(line, $"week {number} has no '### {missing}' section");
            }

            if (problems.Count > before)
            {
                return null;
            }

            return new PlanWeek(
                number,
                match.Groups["theme"].Value.Trim(),
                summary.Length == 0 ? null : summary,
                sections[Goals].Markdown,
                sections[Learn].Markdown,
                sections[Build].Markdown,
                topics,
                line);
        }

        private List<PlanTopic> ReadTopics(int week, List<Block> content)
        {
            var topics = new List<PlanTopic>();
            if (content.FirstOrDefault(block => block is not ListBlock) is { } stray)
            {
                problems.Add(LineOf(stray), $"section 'Topics' of week {week} must be a list and nothing else; {TopicLineFormat}");
                return topics;
            }

            var firstLineOfTopic = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in content.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()))
            {
                var itemLine = LineOf(item);
                var text = item.FirstOrDefault() is ParagraphBlock paragraph ? OneLine(paragraph) : string.Empty;
                var match = TopicLine().Match(text);
                if (!match.Success)
                {
                    problems.Add(itemLine, BareTopic().Match(text) is { Success: true } bare
                        ? $"topic '{bare.Groups["id"].Value}' needs a one-line description: '- `{bare.Groups["id"].Value}` — what it covers'"
                        : $"cannot read topic line '{text}': {TopicLineFormat}");
                    continue;
                }

                var id = match.Groups["id"].Value;
                if (!CardFormat.SlugPattern().IsMatch(id))
                {
                    problems.Add(itemLine, $"topic id '{id}' must be lowercase letters and digits joined by single dashes (e.g. window-functions)");
                    continue;
                }

                if (firstLineOfTopic.TryGetValue(id, out var firstLine))
                {
                    problems.Add(itemLine, $"topic '{id}' is listed twice in week {week} (first on line {firstLine})");
                    continue;
                }

                firstLineOfTopic.Add(id, itemLine);
                topics.Add(new PlanTopic(id, match.Groups["description"].Value.Trim(), itemLine));
            }

            return topics;
        }

        /// <summary>The paragraph's source with its lines joined by single spaces.</summary>
        private string OneLine(ParagraphBlock paragraph)
        {
            var text = source[paragraph.Span.Start..Math.Min(paragraph.Span.End + 1, source.Length)];
            return string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        private string Slice(int start, int end) => start < end ? source[start..end].Trim() : string.Empty;

        private int AfterLineOf(Block block) => lines.StartOf(lines.LineOf(block.Span.End) + 1);

        private string HeadingText(HeadingBlock heading) =>
            heading.Inline is { FirstChild: { } first, LastChild: { } last }
                ? source[first.Span.Start..(last.Span.End + 1)].Trim()
                : string.Empty;

        private int LineOf(Block block) => lines.LineOf(block.Span.Start);
    }
}
