namespace PrepBot.Tests.Content;

/// <summary>Small valid cards of each kind; tests break them with string replacements. Line numbers are in the comments of the tests.</summary>
internal static class SampleCards
{
    // Lines: 1 ---, 2 id, 3 kind, 4 topic, 5 week, 6 difficulty, 7 tags, 8 dataset, 9 ---,
    // 11 ## Question, 15 ## Reference, 17 ```sql, 19 ```, 21 ## Hint, 23 (last line).
    public const string Sql = """
        ---
        id: sql-top-customers
        kind: sql
        topic: window-functions
        week: 3
        difficulty: medium
        tags: [sql, ranking]
        dataset: ecommerce
        ---

        ## Question

        Top three customers by revenue.

        ## Reference

        ```sql
        SELECT customer_id FROM orders;
        ```

        ## Hint

        Use `RANK()`.
        """;

    // Lines: 1 ---, 2 id, 3 kind, 4 topic, 5 week, 6 difficulty, 7 ---, 9 ## Question,
    // 13 ## Choices, 15-17 options, 19 ## Explanation, 21 (last line).
    public const string Concept = """
        ---
        id: concept-oltp-vs-olap
        kind: concept
        topic: data-landscape
        week: 1
        difficulty: easy
        ---

        ## Question

        Which workload is a columnar warehouse built for?

        ## Choices

        - [ ] Single-row inserts
        - [x] Scans and **aggregations**
        - [ ] Point look-ups

        ## Explanation

        Column stores read only the columns a query touches.
        """;

    // Lines: 1 ---, 2 id, 3 kind, 4 topic, 5 week, 6 difficulty, 7 title, 8 ---, 10 ## Prompt,
    // 14 ## Rubric, 19 ## Reference answer, 23 ## Follow-ups, 25 (last line).
    public const string Design = """
        ---
        id: design-clickstream
        kind: design
        topic: streaming
        week: 9
        difficulty: hard
        title: Clickstream pipeline
        ---

        ## Prompt

        Design a clickstream pipeline.

        ## Rubric

        - [ ] Partitions by user
        - [ ] Handles late events

        ## Reference answer

        Kafka, then Flink.

        ## Follow-ups

        - What if events arrive twice?
        """;

    // Lines: 1 ---, 2 id, 3 kind, 4 topic, 5 week, 6 difficulty, 7 retired, 8 ---, 9 # Title,
    // 11 ## Prompt, 15 ## Competencies, 20 ## What good looks like, 24 ## Follow-ups, 26 (last line).
    public const string Behavioral = """
        ---
        id: behavioral-conflict
        kind: behavioral
        topic: teamwork
        week: 2
        difficulty: medium
        retired: true
        ---
        # Disagreeing with a senior engineer

        ## Prompt

        Tell me about a time you disagreed.

        ## Competencies

        - Communication
        - Ownership

        ## What good looks like

        A concrete situation and result.

        ## Follow-ups

        - What would you do differently?
        """;

    /// <summary>A minimal valid concept card with the given id and week.</summary>
    public static string ConceptCard(string id, int week = 1) =>
        Concept.Replace("id: concept-oltp-vs-olap", $"id: {id}", StringComparison.Ordinal)
            .Replace("week: 1", $"week: {week}", StringComparison.Ordinal);
}
