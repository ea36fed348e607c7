namespace PrepBot.Tests.Support;

/// <summary>Small reveal-and-grade concept cards with a chosen topic and week, for plan and selection tests.</summary>
internal static class PlanCards
{
    public static string Reveal(string id, string topic, int week, string difficulty = "easy", bool retired = false) => $"""
        ---
        id: {id}
        kind: concept
        topic: {topic}
        week: {week}
        difficulty: {difficulty}
        retired: {(retired ? "true" : "false")}
        ---

        ## Question

        Question of {id}?

        ## Answer

        Answer of {id}.
        """;

    /// <summary>A behavioural card (prompt, competencies, what good looks like, follow-ups), whose question line is <c>Prompt of {id}?</c>.</summary>
    public static string Behavioral(string id, int week, string difficulty = "easy") => $"""
        ---
        id: {id}
        kind: behavioral
        topic: behavioral
        week: {week}
        difficulty: {difficulty}
        ---

        ## Prompt

        Prompt of {id}?

        ## Competencies

        - ownership

        ## What good looks like

        - A clear situation.

        ## Follow-ups

        - What would you do again?
        """;

    /// <summary>Writes the sample plan and one card per (id, topic, week) into <paramref name="content"/>.</summary>
    public static void WriteDeck(TempContentFolder content, params (string Id, string Topic, int Week)[] cards)
    {
        content.Write("plan.md", SamplePlan.Text);
        foreach (var (id, topic, week) in cards)
        {
            content.Write($"concept/{id}.md", Reveal(id, topic, week));
        }
    }

    /// <summary>Writes the sample plan and one concept card per (id, topic, week, difficulty) into <paramref name="content"/>.</summary>
    public static void WriteDeck(TempContentFolder content, params (string Id, string Topic, int Week, string Difficulty)[] cards)
    {
        content.Write("plan.md", SamplePlan.Text);
        foreach (var (id, topic, week, difficulty) in cards)
        {
            content.Write($"concept/{id}.md", Reveal(id, topic, week, difficulty));
        }
    }
}
