using System.Text;
using PrepBot.Content;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>What differs between behavioural, design and SQL mock interviews: the cards, what each side sees, the feedback areas.</summary>
public static class MockKinds
{
    public const string Behavioral = "behavioral";
    public const string Design = "design";
    public const string Sql = "sql";

    /// <summary>Four areas the interviewer scores the candidate on (a modal holds five inputs: four scores and the notes).</summary>
    public static IReadOnlyList<string> CandidateAreas(MockKind kind) => kind switch
    {
        MockKind.Behavioral => ["Situation and task", "Action and ownership", "Result and impact", "Communication"],
        MockKind.Design => ["Requirements and scope", "Architecture and data flow", "Trade-offs and failures", "Communication"],
        _ => ["Understanding the question", "Correct query", "Edge cases and performance", "Explaining the approach"],
    };

    /// <summary>Four areas the candidate scores the interviewer on.</summary>
    public static IReadOnlyList<string> InterviewerAreas { get; } =
        ["Clear prompt", "Useful follow-ups", "Listening", "Helpful feedback"];

    public static IReadOnlyList<string> Areas(MockKind kind, MockFeedbackDirection direction) =>
        direction == MockFeedbackDirection.ForCandidate ? CandidateAreas(kind) : InterviewerAreas;

    public static bool TryParse(string? text, out MockKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case Behavioral or "behavioural":
                kind = MockKind.Behavioral;
                return true;
            case Design:
                kind = MockKind.Design;
                return true;
            case Sql:
                kind = MockKind.Sql;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string Name(MockKind kind) => kind switch
    {
        MockKind.Behavioral => "behavioural",
        MockKind.Design => "system design",
        _ => "SQL",
    };

    public static CardKind CardKind(MockKind kind) => kind switch
    {
        MockKind.Behavioral => Content.CardKind.Behavioral,
        MockKind.Design => Content.CardKind.Design,
        _ => Content.CardKind.Sql,
    };

    /// <summary>What the candidate sees in the thread: the card's prompt (or question, for SQL).</summary>
    public static string Prompt(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = new StringBuilder();
        if (card.Title is { Length: > 0 } title)
        {
            text.Append("**").Append(title).Append("**\n\n");
        }

        text.Append((card.Section("Prompt") ?? card.Section("Question"))?.Markdown ?? "(This card has no prompt.)");
        if (card.Dataset is { Length: > 0 } dataset)
        {
            text.Append("\n\nDataset: `").Append(dataset).Append('`');
        }

        return text.ToString();
    }

    /// <summary>What only the interviewer sees: reference answer, rubric and follow-up questions (per kind).</summary>
    public static string InterviewerNotes(Card card, MockKind kind)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = new StringBuilder("**Interviewer notes** (only you see these)\n");
        foreach (var name in kind switch
        {
            MockKind.Behavioral => new[] { "Competencies", "What good looks like", "Follow-ups" },
            MockKind.Design => ["Rubric", "Reference answer", "Follow-ups"],
            _ => ["Reference", "Explanation", "Hint"],
        })
        {
            if (card.Section(name) is { } section)
            {
                text.Append("\n**").Append(name).Append("**\n").Append(section.Markdown).Append('\n');
            }
        }

        text.Append("\n**You will score**: ").Append(string.Join(", ", CandidateAreas(kind))).Append(" (1–5 each).");
        return text.ToString();
    }
}
