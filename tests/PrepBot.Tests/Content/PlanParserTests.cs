using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

public sealed class PlanParserTests
{
    private static PlanParseResult Parse(string text) => PlanParser.Parse("plan.md", text);

    private static string Problems(PlanParseResult result) => string.Join('\n', result.Problems);

    [Fact]
    public void Sample_plan_parses_into_sixteen_weeks_with_their_sections_and_topics()
    {
        var result = Parse(SamplePlan.Text);

        Assert.Empty(result.Problems);
        var plan = Assert.IsType<StudyPlan>(result.Plan);
        Assert.Equal(Enumerable.Range(1, 16), plan.Weeks.Select(w => w.Number));
        var week3 = plan.Week(3)!;
        Assert.Equal("Theme of week 3", week3.Theme);
        Assert.Equal("- Goal of week 3.", week3.Goals);
        Assert.Equal("- Project of week 3.", week3.Build);
        Assert.Equal(["airflow", "behavioral"], week3.Topics.Select(t => t.Id));
        Assert.Equal("about airflow", week3.Topics[0].Description);
        Assert.Equal(SamplePlan.LineOf(SamplePlan.Text, "## Week 3 "), week3.Line);
    }

    [Fact]
    public void A_topic_may_be_listed_in_several_weeks()
    {
        var plan = Parse(SamplePlan.Text).Plan!;

        Assert.Equal([3, 5], plan.WeeksOf("airflow"));
        Assert.Equal(Enumerable.Range(1, 16), plan.WeeksOf("behavioral"));
        Assert.Empty(plan.WeeksOf("cooking"));
    }

    [Theory]
    [InlineData("## Week 3 – Theme", "Theme")]
    [InlineData("## Week 3 - Theme", "Theme")]
    [InlineData("## week 3: Theme", "Theme")]
    [InlineData("## Week 3 — Airflow: DAGs - and more", "Airflow: DAGs - and more")]
    public void Week_heading_separator_may_be_an_em_dash_en_dash_hyphen_or_colon(string heading, string theme)
    {
        var text = SamplePlan.Text.Replace("## Week 3 — Theme of week 3", heading, StringComparison.Ordinal);

        var result = Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(theme, result.Plan!.Week(3)!.Theme);
    }

    [Fact]
    public void Topic_lines_may_use_a_colon_and_leave_out_the_backticks()
    {
        var text = SamplePlan.Text
            .Replace("- `airflow` — about airflow", "- airflow: DAGs and operators", StringComparison.Ordinal);

        var plan = Parse(text).Plan!;

        Assert.Equal("DAGs and operators", plan.Week(3)!.Topics[0].Description);
    }

    [Fact]
    public void Missing_week_is_reported_on_the_last_line()
    {
        var start = SamplePlan.Text.IndexOf("## Week 7 ", StringComparison.Ordinal);
        var end = SamplePlan.Text.IndexOf("## Week 8 ", StringComparison.Ordinal);
        var text = SamplePlan.Text.Remove(start, end - start);

        var result = Parse(text);

        Assert.Null(result.Plan);
        var problem = Assert.Single(result.Problems);
        Assert.Equal($"plan.md:{text.TrimEnd('\n').Split('\n').Length}: week 7 is missing: add '## Week 7 — <theme>' with Goals, Learn, Build and Topics", problem.ToString());
    }

    [Fact]
    public void Duplicate_topic_in_a_week_is_reported_on_its_line_naming_the_first()
    {
        var text = SamplePlan.Text.Replace("- `spark` — about spark\n", "- `spark` — about spark\n- `spark` — again\n", StringComparison.Ordinal);
        var first = SamplePlan.LineOf(text, "- `spark` — about spark");

        var result = Parse(text);

        Assert.Equal($"plan.md:{first + 1}: topic 'spark' is listed twice in week 6 (first on line {first})", Problems(result));
    }

    [Fact]
    public void Malformed_week_heading_is_reported_on_its_line()
    {
        var text = SamplePlan.Text.Replace("## Week 6 — Theme of week 6", "## Weak six", StringComparison.Ordinal);
        var line = SamplePlan.LineOf(text, "## Weak six");

        var result = Parse(text);

        Assert.Contains($"plan.md:{line}: malformed week heading '## Weak six': write '## Week <n> — <theme>' with n from 1 to 16", result.Problems.Select(p => p.ToString()));
        Assert.Contains(result.Problems, p => p.Message.StartsWith("week 6 is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Week_given_twice_or_out_of_range_is_reported_on_its_heading()
    {
        var text = SamplePlan.Text
            .Replace("## Week 9 — Theme of week 9", "## Week 8 — Again", StringComparison.Ordinal)
            .Replace("## Week 10 — Theme of week 10", "## Week 17 — Too far", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.Contains($"plan.md:{SamplePlan.LineOf(text, "## Week 8 — Again")}: week 8 is given twice (first on line {SamplePlan.LineOf(text, "## Week 8 ")})", result.Problems.Select(p => p.ToString()));
        Assert.Contains($"plan.md:{SamplePlan.LineOf(text, "## Week 17")}: week number must be from 1 to 16 (got '17')", result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Unknown_section_suggests_the_closest_and_the_missing_one_is_reported_on_the_week_heading()
    {
        var text = SamplePlan.Text.Replace("### Build\n\n- Project of week 4.", "### Biuld\n\n- Project of week 4.", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.Equal(
            [
                $"plan.md:{SamplePlan.LineOf(text, "## Week 4 ")}: week 4 has no '### Build' section",
                $"plan.md:{SamplePlan.LineOf(text, "### Biuld")}: unknown section '### Biuld' in week 4 (did you mean 'Build'?)",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Topic_without_a_description_or_with_a_bad_id_is_reported_on_its_line()
    {
        var text = SamplePlan.Text
            .Replace("- `spark` — about spark", "- `spark`", StringComparison.Ordinal)
            .Replace("- `kafka` — about kafka", "- `Kafka Streams` — about kafka", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.Equal(
            [
                $"plan.md:{SamplePlan.LineOf(text, "- `spark`")}: topic 'spark' needs a one-line description: '- `spark` — what it covers'",
                $"plan.md:{SamplePlan.LineOf(text, "Kafka Streams")}: cannot read topic line '`Kafka Streams` — about kafka': a topic line is '- `topic-id` — one-line description'",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Topics_section_must_be_a_list()
    {
        var text = SamplePlan.Text.Replace("### Topics\n\n- `spark` — about spark", "### Topics\n\nSpark this week.\n\n- `spark` — about spark", StringComparison.Ordinal);

        var result = Parse(text);

        Assert.Equal(
            $"plan.md:{SamplePlan.LineOf(text, "Spark this week.")}: section 'Topics' of week 6 must be a list and nothing else; a topic line is '- `topic-id` — one-line description'",
            Problems(result));
    }

    [Fact]
    public void Text_without_weeks_is_one_problem()
    {
        var result = Parse("# Plan\n\nNothing yet.\n");

        Assert.Equal("plan.md:3: the plan has no weeks: add '## Week 1 — <theme>' to '## Week 16 — <theme>', each with Goals, Learn, Build and Topics", Problems(result));
    }

    [Fact]
    public void Windows_line_ends_give_the_same_plan()
    {
        var result = Parse(SamplePlan.Text.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Empty(result.Problems);
        Assert.Equal("- Goal of week 3.", result.Plan!.Week(3)!.Goals);
    }
}
