using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary>Small cards of each kind (SQL aside) for daily question tests; no plan file, so any topic is accepted.</summary>
internal static class DailyCards
{
    public static string Concept(string id, int week = 1) => $"""
        ---
        id: {id}
        kind: concept
        topic: topic-{id}
        week: {week}
        difficulty: easy
        ---

        ## Question

        Question of {id}?

        ## Answer

        Answer of {id}.
        """;

    public static string Choice(string id, int week = 1) => $"""
        ---
        id: {id}
        kind: concept
        topic: topic-{id}
        week: {week}
        difficulty: easy
        ---

        ## Question

        Which of these is right for {id}?

        ## Choices

        - [ ] Wrong one
        - [x] Right one of {id}
        - [ ] Another wrong one

        ## Explanation

        Explanation of {id}.
        """;

    public static string Design(string id, int week = 1) => $"""
        ---
        id: {id}
        kind: design
        topic: topic-{id}
        week: {week}
        difficulty: medium
        ---

        ## Prompt

        Design {id}.

        ## Rubric

        - [ ] Rubric point of {id}

        ## Reference answer

        Reference answer of {id}.

        ## Follow-ups

        - A follow-up of {id}?
        """;

    public static string Behavioral(string id, int week = 1) => $"""
        ---
        id: {id}
        kind: behavioral
        topic: topic-{id}
        week: {week}
        difficulty: medium
        ---

        ## Prompt

        Tell me about {id}.

        ## Competencies

        - Ownership

        ## What good looks like

        A story about {id}.

        ## Follow-ups

        - What would you change about {id}?
        """;

    public static void Write(TempContentFolder content, string id, string text)
    {
        var kind = text.Contains("kind: design", StringComparison.Ordinal) ? "design"
            : text.Contains("kind: behavioral", StringComparison.Ordinal) ? "behavioral"
            : "concept";
        content.Write($"{kind}/{id}.md", text);
    }
}
