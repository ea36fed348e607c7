using PrepBot.Content;

namespace PrepBot.Tests.Content;

/// <summary>The SQL-practice parts of the card format: grading flags and the Accepted / Wrong query sections.</summary>
public sealed class SqlCardParsingTests
{
    private readonly CardParser _parser = new();

    private static string WithFlags(string flags) =>
        SampleCards.Sql.Replace("dataset: ecommerce\n", "dataset: ecommerce\n" + flags + "\n", StringComparison.Ordinal);

    [Fact]
    public void Reference_query_is_read_with_its_line()
    {
        var card = _parser.Parse("sql/top.md", SampleCards.Sql).Card!;

        Assert.Equal(new SqlQuery("SELECT customer_id FROM orders;", 17), card.Reference);
        Assert.False(card.Ordered || card.ColumnNames || card.CaseInsensitive);
    }

    [Fact]
    public void Grading_flags_are_read_from_the_front_matter()
    {
        var card = _parser.Parse("sql/top.md", WithFlags("ordered: true\ncolumn_names: true\ncase_insensitive: true")).Card!;

        Assert.True(card.Ordered && card.ColumnNames && card.CaseInsensitive);
    }

    [Fact]
    public void Flag_that_is_not_a_boolean_is_reported_on_its_line()
    {
        var problem = Assert.Single(_parser.Parse("sql/top.md", WithFlags("ordered: yes please")).Problems);

        Assert.Equal(new ContentProblem("sql/top.md", 9, "ordered must be true or false (got 'yes please')"), problem);
    }

    [Fact]
    public void Sql_flags_on_another_kind_of_card_are_reported()
    {
        var text = SampleCards.Concept.Replace("difficulty: easy\n", "difficulty: easy\nordered: true\n", StringComparison.Ordinal);

        var problem = Assert.Single(_parser.Parse("concept/c.md", text).Problems);

        Assert.Equal(new ContentProblem("concept/c.md", 7, "'ordered' is only for sql cards, not concept cards"), problem);
    }

    [Fact]
    public void Accepted_and_wrong_sections_hold_one_query_per_sql_block()
    {
        var text = SampleCards.Sql + """


            ## Accepted

            ```sql
            SELECT o.customer_id FROM orders o;
            ```

            A subquery works too:

            ```sql
            SELECT customer_id FROM (SELECT * FROM orders);
            ```

            ## Wrong

            ```sql
            SELECT DISTINCT customer_id FROM orders;
            ```
            """;

        var card = _parser.Parse("sql/top.md", text).Card!;

        Assert.Equal(
            [new SqlQuery("SELECT o.customer_id FROM orders o;", 27), new SqlQuery("SELECT customer_id FROM (SELECT * FROM orders);", 33)],
            card.Accepted);
        Assert.Equal([new SqlQuery("SELECT DISTINCT customer_id FROM orders;", 39)], card.Wrong);
    }

    [Fact]
    public void Wrong_section_without_a_query_is_reported()
    {
        var text = SampleCards.Sql + "\n\n## Wrong\n\nForgetting DISTINCT.\n";

        var problem = Assert.Single(_parser.Parse("sql/top.md", text).Problems);

        Assert.Equal(new ContentProblem("sql/top.md", 25, "section 'Wrong' must hold one or more ```sql code blocks, one query each"), problem);
    }

    [Fact]
    public void Accepted_block_in_another_language_is_reported()
    {
        var text = SampleCards.Sql + "\n\n## Accepted\n\n```python\nprint(1)\n```\n";

        var problem = Assert.Single(_parser.Parse("sql/top.md", text).Problems);

        Assert.Equal(new ContentProblem("sql/top.md", 27, "each code block in 'Accepted' must start with ```sql (found 'python')"), problem);
    }
}
