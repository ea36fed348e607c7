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

    /// <summary>Writes the sample plan and one card per (id, topic, week) into <paramref name="content"/>.</summary>
    public static void WriteDeck(TempContentFolder content, params (string Id, string Topic, int Week)[] cards)
    {
        content.Write("plan.md", SamplePlan.Text);
        foreach (var (id, topic, week) in cards)
        {
            content.Write($"concept/{id}.md", Reveal(id, topic, week));
        }
    }
}
