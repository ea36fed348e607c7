using System.Security.Cryptography;
using System.Text;
using PrepBot.Content;

namespace PrepBot.Tests.Content;

public sealed class CardParserTests
{
    private readonly CardParser _parser = new();

    // ---- valid cards ----

    [Fact]
    public void Valid_sql_card_parses_with_its_front_matter_and_sections()
    {
        var result = _parser.Parse("sql/top-customers.md", SampleCards.Sql);

        Assert.Empty(result.Problems);
        var card = Assert.IsType<Card>(result.Card);
        Assert.Equal("sql-top-customers", card.Id);
        Assert.Equal(CardKind.Sql, card.Kind);
        Assert.Equal("window-functions", card.Topic);
        Assert.Equal(3, card.Week);
        Assert.Equal(Difficulty.Medium, card.Difficulty);
        Assert.Equal(["sql", "ranking"], card.Tags);
        Assert.Equal("ecommerce", card.Dataset);
        Assert.False(card.Retired);
        Assert.Null(card.Title);
        Assert.Equal("sql/top-customers.md", card.SourcePath);
        Assert.Equal(
            [
                new CardSection("Question", "Top three customers by revenue.", 11),
                new CardSection("Reference", "```sql\nSELECT customer_id FROM orders;\n```", 15),
                new CardSection("Hint", "Use `RANK()`.", 21),
            ],
            card.Sections);
        Assert.Empty(card.Choices);
    }

    [Fact]
    public void Valid_concept_card_parses_its_choices_without_the_boxes()
    {
        var card = _parser.Parse("concept/oltp.md", SampleCards.Concept).Card;

        Assert.NotNull(card);
        Assert.Equal(CardKind.Concept, card.Kind);
        Assert.True(card.IsMultipleChoice);
        Assert.Equal(
            [
                new CardChoice("Single-row inserts", false, 15),
                new CardChoice("Scans and **aggregations**", true, 16),
                new CardChoice("Point look-ups", false, 17),
            ],
            card.Choices);
        Assert.Equal(["Question", "Choices", "Explanation"], card.Sections.Select(s => s.Name));
    }

    [Fact]
    public void Choice_spanning_two_lines_keeps_its_markdown_without_the_list_indent()
    {
        var text = SampleCards.Concept.Replace("- [ ] Point look-ups", "- [ ] Point look-ups\n  by primary key", StringComparison.Ordinal);

        var card = _parser.Parse("concept/oltp.md", text).Card;

        Assert.Equal("Point look-ups\nby primary key", card?.Choices[2].Markdown);
    }

    [Fact]
    public void Valid_concept_card_with_an_answer_instead_of_choices_is_self_graded()
    {
        var text = SampleCards.Concept.Replace(
            "## Choices\n\n- [ ] Single-row inserts\n- [x] Scans and **aggregations**\n- [ ] Point look-ups",
            "## Answer\n\nAnalytical scans.",
            StringComparison.Ordinal);

        var card = _parser.Parse("concept/oltp.md", text).Card;

        Assert.NotNull(card);
        Assert.False(card.IsMultipleChoice);
        Assert.Equal("Analytical scans.", card.Section("answer")?.Markdown);
    }

    [Fact]
    public void Valid_design_card_parses_with_its_title_and_four_sections()
    {
        var card = _parser.Parse("design/streaming/clickstream.md", SampleCards.Design).Card;

        Assert.NotNull(card);
        Assert.Equal(CardKind.Design, card.Kind);
        Assert.Equal(Difficulty.Hard, card.Difficulty);
        Assert.Equal("Clickstream pipeline", card.Title);
        Assert.Equal(["Prompt", "Rubric", "Reference answer", "Follow-ups"], card.Sections.Select(s => s.Name));
        Assert.Equal([10, 14, 19, 23], card.Sections.Select(s => s.Line));
        Assert.Equal("- [ ] Partitions by user\n- [ ] Handles late events", card.Section("Rubric")?.Markdown);
    }

    [Fact]
    public void Valid_behavioral_card_parses_as_retired_with_its_heading_as_title()
    {
        var card = _parser.Parse("behavioral/conflict.md", SampleCards.Behavioral).Card;

        Assert.NotNull(card);
        Assert.Equal(CardKind.Behavioral, card.Kind);
        Assert.True(card.Retired);
        Assert.Equal("Disagreeing with a senior engineer", card.Title);
        Assert.Equal(["Prompt", "Competencies", "What good looks like", "Follow-ups"], card.Sections.Select(s => s.Name));
    }

    [Fact]
    public void Front_matter_title_wins_over_a_leading_heading()
    {
        var text = SampleCards.Behavioral.Replace("retired: true", "title: From front matter", StringComparison.Ordinal);

        var card = _parser.Parse("behavioral/conflict.md", text).Card;

        Assert.Equal("From front matter", card?.Title);
    }

    [Fact]
    public void Content_hash_is_the_first_16_hex_chars_of_the_sha256_of_the_text()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SampleCards.Sql)))[..16];

        var card = _parser.Parse("sql/top-customers.md", SampleCards.Sql).Card;

        Assert.Equal(expected, card?.ContentHash);
    }

    [Fact]
    public void Crlf_text_parses_to_the_same_card_as_lf_text()
    {
        var lf = _parser.Parse("sql/top-customers.md", SampleCards.Sql).Card;

        var crlf = _parser.Parse("sql/top-customers.md", SampleCards.Sql.Replace("\n", "\r\n", StringComparison.Ordinal)).Card;

        Assert.NotNull(crlf);
        Assert.Equal(lf?.ContentHash, crlf.ContentHash);
        Assert.Equal(lf?.Sections, crlf.Sections);
    }

    [Fact]
    public void Key_lines_tell_where_each_front_matter_key_is()
    {
        var result = _parser.Parse("sql/top-customers.md", SampleCards.Sql);

        Assert.Equal(2, result.KeyLines["id"]);
        Assert.Equal(8, result.KeyLines["dataset"]);
    }

    // ---- front matter problems ----

    [Fact]
    public void Missing_front_matter_is_reported_on_line_1()
    {
        var problem = SingleProblem("concept/x.md", "## Question\n\nWhy?\n\n## Answer\n\nBecause.\n");

        Assert.Equal(
            new ContentProblem("concept/x.md", 1, "missing front matter: a card starts with a '---' line, then id, kind, topic, week and difficulty, then another '---' line"),
            problem);
    }

    [Fact]
    public void Unclosed_front_matter_is_reported_on_line_1()
    {
        var problem = SingleProblem("concept/x.md", "---\nid: x\nkind: concept\n\n## Question\n\nWhy?\n");

        Assert.Equal(new ContentProblem("concept/x.md", 1, "front matter is not closed: add a '---' line after its last key"), problem);
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_on_its_line_in_the_file()
    {
        var text = SampleCards.Sql.Replace("topic: window-functions", "topic: 'window-functions", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(4, problem.Line);
        Assert.StartsWith("front matter is not valid YAML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_yaml_list_is_reported_as_invalid_yaml_where_it_opens()
    {
        var text = SampleCards.Sql.Replace("tags: [sql, ranking]", "tags: [sql, ranking", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 7, "front matter is not valid YAML on this line or above it: check brackets, quotes and '*' or '&' characters"), problem);
    }

    [Fact]
    public void Yaml_that_yamldotnet_fails_on_without_a_position_is_reported_where_it_stopped_reading()
    {
        var text = SampleCards.Sql.Replace("tags: [sql, ranking]", "tags: [sql, ranking]*a", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 9, "front matter is not valid YAML on this line or above it: check brackets, quotes and '*' or '&' characters"), problem);
    }

    [Fact]
    public void Front_matter_that_is_a_list_is_reported_on_its_first_line()
    {
        var problem = SingleProblem("concept/x.md", "---\n- id\n- kind\n---\n## Question\n\nWhy?\n\n## Answer\n\nBecause.\n");

        Assert.Equal(new ContentProblem("concept/x.md", 2, "front matter must be 'key: value' lines, not a list"), problem);
    }

    [Fact]
    public void Unknown_key_is_reported_on_its_line_with_a_suggestion()
    {
        var text = SampleCards.Sql.Replace("difficulty: medium", "difficulty: medium\ndificulty: hard", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 7, "unknown front-matter key 'dificulty' (did you mean 'difficulty'?)"), problem);
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_known_keys()
    {
        var text = SampleCards.Sql.Replace("week: 3", "week: 3\nauthor: ana", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(
            new ContentProblem("sql/x.md", 6, "unknown front-matter key 'author' (known keys: id, kind, topic, week, difficulty, tags, title, dataset, retired, ordered, column_names, case_insensitive)"),
            problem);
    }

    [Fact]
    public void Key_given_twice_is_reported_on_its_second_line()
    {
        var text = SampleCards.Sql.Replace("difficulty: medium", "difficulty: medium\nweek: 4", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 7, "front-matter key 'week' is given twice (first on line 5)"), problem);
    }

    [Fact]
    public void Missing_required_key_is_reported_on_line_1()
    {
        var text = SampleCards.Sql.Replace("topic: window-functions\n", "", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 1, "missing required front-matter key 'topic'"), problem);
    }

    [Fact]
    public void Key_without_a_value_is_reported_on_its_line()
    {
        var text = SampleCards.Sql.Replace("topic: window-functions", "topic:", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 4, "front-matter key 'topic' has no value"), problem);
    }

    [Theory]
    [InlineData("Sql-Top")]
    [InlineData("-sql-top")]
    [InlineData("sql_top")]
    [InlineData("sql-a-very-long-id-that-goes-on-and-on-well-past-the-limit-of-64-chars")]
    public void Bad_id_format_is_reported_on_the_id_line(string id)
    {
        var text = SampleCards.Sql.Replace("id: sql-top-customers", $"id: {id}", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(
            new ContentProblem("sql/x.md", 2, $"id '{id}' must be lowercase letters, digits and dashes, start with a letter or digit, and be at most 64 characters"),
            problem);
    }

    [Fact]
    public void Unknown_kind_is_reported_with_the_valid_kinds()
    {
        var text = SampleCards.Sql.Replace("kind: sql", "kind: quiz", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 3, "unknown kind 'quiz' (valid kinds: sql, concept, design, behavioral)"), problem);
    }

    [Fact]
    public void Kind_not_matching_the_folder_is_reported_on_the_kind_line()
    {
        var problem = SingleProblem("concept/top-customers.md", SampleCards.Sql);

        Assert.Equal(
            new ContentProblem("concept/top-customers.md", 3, "kind 'sql' does not match the folder 'concept/': move the file to sql/ or fix the kind"),
            problem);
    }

    [Fact]
    public void Topic_that_is_not_lowercase_words_with_dashes_is_reported()
    {
        var text = SampleCards.Sql.Replace("topic: window-functions", "topic: Window Functions", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 4, "topic 'Window Functions' must be lowercase words joined by dashes, e.g. window-functions"), problem);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("three")]
    [InlineData("2.5")]
    [InlineData("-1")]
    public void Week_that_is_not_a_whole_number_from_1_to_16_is_reported(string week)
    {
        var text = SampleCards.Sql.Replace("week: 3", $"week: {week}", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 5, $"week must be a whole number from 1 to 16 (got '{week}')"), problem);
    }

    [Fact]
    public void Difficulty_other_than_easy_medium_or_hard_is_reported()
    {
        var text = SampleCards.Sql.Replace("difficulty: medium", "difficulty: Hard", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 6, "difficulty must be easy, medium or hard (got 'Hard')"), problem);
    }

    [Fact]
    public void Tags_that_are_not_a_list_are_reported()
    {
        var text = SampleCards.Sql.Replace("tags: [sql, ranking]", "tags: sql", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 7, "tags must be a list of words, e.g. [sql, ranking]"), problem);
    }

    [Fact]
    public void Tag_that_is_not_a_single_word_is_reported_on_its_line()
    {
        var text = SampleCards.Sql.Replace("tags: [sql, ranking]", "tags:\n  - sql\n  - [ranking]", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 9, "each tag must be a single word, e.g. [sql, ranking]"), problem);
    }

    [Fact]
    public void Dataset_missing_on_a_sql_card_is_reported_on_line_1()
    {
        var text = SampleCards.Sql.Replace("dataset: ecommerce\n", "", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 1, "a sql card needs 'dataset': the dataset its query runs against (datasets/<name>.sql)"), problem);
    }

    [Fact]
    public void Dataset_on_a_card_that_is_not_sql_is_reported_on_its_line()
    {
        var text = SampleCards.Concept.Replace("difficulty: easy", "difficulty: easy\ndataset: ecommerce", StringComparison.Ordinal);

        var problem = SingleProblem("concept/x.md", text);

        Assert.Equal(new ContentProblem("concept/x.md", 7, "'dataset' is only for sql cards, not concept cards"), problem);
    }

    [Fact]
    public void Retired_that_is_not_true_or_false_is_reported()
    {
        var text = SampleCards.Behavioral.Replace("retired: true", "retired: yes", StringComparison.Ordinal);

        var problem = SingleProblem("behavioral/x.md", text);

        Assert.Equal(new ContentProblem("behavioral/x.md", 7, "retired must be true or false (got 'yes')"), problem);
    }

    // ---- body problems ----

    [Fact]
    public void Text_before_the_first_section_is_reported_where_it_starts()
    {
        var text = SampleCards.Sql.Replace("---\n\n## Question", "---\n\nSome intro.\n\n## Question", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 11, "text before the first '##' section: only a '# Title' line may come before the sections"), problem);
    }

    [Fact]
    public void Unknown_section_is_reported_on_its_heading_with_a_suggestion()
    {
        var text = SampleCards.Sql.Replace("## Hint", "## Hnit", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 21, "unknown section 'Hnit' (did you mean 'Hint'?)"), problem);
    }

    [Fact]
    public void Unknown_section_without_a_close_match_lists_the_kinds_sections()
    {
        var text = SampleCards.Sql.Replace("## Hint", "## Answer", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 21, "unknown section 'Answer' (sql cards have: Question, Reference, Hint, Explanation, Accepted, Wrong)"), problem);
    }

    [Fact]
    public void Section_given_twice_is_reported_on_its_second_heading()
    {
        var text = SampleCards.Sql.Replace("## Hint", "## Question", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 21, "section 'Question' is given twice (first on line 11)"), problem);
    }

    [Fact]
    public void Missing_required_section_is_reported_on_the_last_line_of_the_file()
    {
        var text = SampleCards.Design.Replace("## Reference answer\n\nKafka, then Flink.\n\n", "", StringComparison.Ordinal);

        var problem = SingleProblem("design/x.md", text);

        Assert.Equal(new ContentProblem("design/x.md", 21, "missing required section '## Reference answer'"), problem);
    }

    [Fact]
    public void Empty_section_is_reported_on_its_heading()
    {
        var text = SampleCards.Sql.Replace("Use `RANK()`.", "", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 21, "section 'Hint' is empty"), problem);
    }

    [Fact]
    public void Concept_card_with_neither_choices_nor_answer_is_reported_on_the_last_line()
    {
        var text = SampleCards.Concept.Replace(
            "## Choices\n\n- [ ] Single-row inserts\n- [x] Scans and **aggregations**\n- [ ] Point look-ups\n\n",
            "",
            StringComparison.Ordinal);

        var problem = SingleProblem("concept/x.md", text);

        Assert.Equal(
            new ContentProblem("concept/x.md", 15, "a concept card needs a '## Choices' section (multiple choice) or an '## Answer' section (reveal and self-grade)"),
            problem);
    }

    [Fact]
    public void Choices_that_are_not_a_task_list_are_reported_on_the_first_item_without_a_box()
    {
        var text = SampleCards.Concept.Replace("- [ ] Point look-ups", "- Point look-ups", StringComparison.Ordinal);

        var problem = SingleProblem("concept/x.md", text);

        Assert.Equal(
            new ContentProblem("concept/x.md", 17, "section 'Choices' must be a task list: one '- [ ] option' or '- [x] right option' line per option, and nothing else"),
            problem);
    }

    [Fact]
    public void Choices_with_fewer_than_two_options_are_reported_on_the_heading()
    {
        var text = SampleCards.Concept.Replace("- [ ] Single-row inserts\n", "", StringComparison.Ordinal)
            .Replace("- [ ] Point look-ups\n", "", StringComparison.Ordinal);

        var problem = SingleProblem("concept/x.md", text);

        Assert.Equal(new ContentProblem("concept/x.md", 13, "section 'Choices' needs at least two options (found 1)"), problem);
    }

    [Fact]
    public void Choices_without_a_right_option_are_reported_on_the_heading()
    {
        var text = SampleCards.Concept.Replace("- [x]", "- [ ]", StringComparison.Ordinal);

        var problem = SingleProblem("concept/x.md", text);

        Assert.Equal(new ContentProblem("concept/x.md", 13, "section 'Choices' has no right answer: mark each right option with '- [x]'"), problem);
    }

    [Fact]
    public void Reference_without_a_code_block_is_reported_on_its_heading()
    {
        var text = SampleCards.Sql.Replace("```sql\nSELECT customer_id FROM orders;\n```", "SELECT customer_id FROM orders;", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 15, "section 'Reference' must hold exactly one ```sql code block (found 0)"), problem);
    }

    [Fact]
    public void Reference_with_two_code_blocks_is_reported_on_its_heading()
    {
        var text = SampleCards.Sql.Replace("```\n\n## Hint", "```\n\n```sql\nSELECT 2;\n```\n\n## Hint", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 15, "section 'Reference' must hold exactly one ```sql code block (found 2)"), problem);
    }

    [Fact]
    public void Reference_code_block_in_another_language_is_reported_where_it_opens()
    {
        var text = SampleCards.Sql.Replace("```sql", "```python", StringComparison.Ordinal);

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 17, "the code block in 'Reference' must start with ```sql (found 'python')"), problem);
    }

    [Fact]
    public void Design_rubric_that_is_not_a_list_is_reported()
    {
        var text = SampleCards.Design.Replace("- [ ] Partitions by user\n- [ ] Handles late events", "Partitions by user.", StringComparison.Ordinal);

        var problem = SingleProblem("design/x.md", text);

        Assert.Equal(new ContentProblem("design/x.md", 16, "section 'Rubric' must be a list ('- item' lines) and nothing else"), problem);
    }

    [Fact]
    public void Design_follow_ups_that_are_not_a_list_are_reported()
    {
        var text = SampleCards.Design.Replace("- What if events arrive twice?", "What if events arrive twice?", StringComparison.Ordinal);

        var problem = SingleProblem("design/x.md", text);

        Assert.Equal(new ContentProblem("design/x.md", 25, "section 'Follow-ups' must be a list ('- item' lines) and nothing else"), problem);
    }

    [Fact]
    public void Behavioral_competencies_that_are_not_a_list_are_reported()
    {
        var text = SampleCards.Behavioral.Replace("- Communication\n- Ownership", "Communication and ownership.", StringComparison.Ordinal);

        var problem = SingleProblem("behavioral/x.md", text);

        Assert.Equal(new ContentProblem("behavioral/x.md", 17, "section 'Competencies' must be a list ('- item' lines) and nothing else"), problem);
    }

    [Fact]
    public void Behavioral_follow_ups_that_are_not_a_list_are_reported()
    {
        var text = SampleCards.Behavioral.Replace("- What would you do differently?", "What would you do differently?", StringComparison.Ordinal);

        var problem = SingleProblem("behavioral/x.md", text);

        Assert.Equal(new ContentProblem("behavioral/x.md", 26, "section 'Follow-ups' must be a list ('- item' lines) and nothing else"), problem);
    }

    [Fact]
    public void Unclosed_code_fence_is_reported_on_the_line_where_it_opens()
    {
        var text = SampleCards.Sql + "\n\n## Explanation\n\n```\nunclosed";

        var problem = SingleProblem("sql/x.md", text);

        Assert.Equal(new ContentProblem("sql/x.md", 27, "code block opened here is never closed (add a closing ``` line)"), problem);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_in_one_parse()
    {
        var text = SampleCards.Sql
            .Replace("week: 3", "week: 30", StringComparison.Ordinal)
            .Replace("week: 30", "week: 30\nweek: 4", StringComparison.Ordinal)
            .Replace("difficulty: medium", "dificulty: medium", StringComparison.Ordinal)
            .Replace("## Hint", "## Hnit", StringComparison.Ordinal);

        var result = _parser.Parse("sql/x.md", text);

        Assert.Null(result.Card);
        Assert.Equal(
            [
                "sql/x.md:1: missing required front-matter key 'difficulty'",
                "sql/x.md:5: week must be a whole number from 1 to 16 (got '30')",
                "sql/x.md:6: front-matter key 'week' is given twice (first on line 5)",
                "sql/x.md:7: unknown front-matter key 'dificulty' (did you mean 'difficulty'?)",
                "sql/x.md:22: unknown section 'Hnit' (did you mean 'Hint'?)",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    private ContentProblem SingleProblem(string path, string text)
    {
        var result = _parser.Parse(path, text);
        Assert.Null(result.Card);
        return Assert.Single(result.Problems);
    }
}
