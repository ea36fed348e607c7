namespace PrepBot.Tests.Support;

/// <summary>Two week-1 concept cards (what a new learner is served) for the study-flow and practice-session tests: one multiple choice, one to reveal.</summary>
internal static class FlowCards
{
    public const string MultipleChoice = """
        ---
        id: concept-columnar
        kind: concept
        topic: data-landscape
        week: 1
        difficulty: easy
        ---

        ## Question

        Which workload is a columnar warehouse built for?

        ## Choices

        - [ ] Single-row updates
        - [x] Scans over a few columns of many rows
        - [ ] Point look-ups by key

        ## Hint

        Think about which columns a report reads.

        ## Explanation

        Column stores read only the columns a query touches.
        """;

    public const string Reveal = """
        ---
        id: concept-idempotency
        kind: concept
        topic: data-landscape
        week: 1
        difficulty: medium
        ---

        ## Question

        What makes a daily load idempotent?

        ## Answer

        Re-running it for the same day leaves the same result: overwrite the day's partition instead of appending.
        """;
}
