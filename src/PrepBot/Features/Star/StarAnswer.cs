using PrepBot.Content;

namespace PrepBot.Features.Star;

/// <summary>The four parts of a STAR answer, in the order they are told.</summary>
public enum StarPart
{
    Situation,
    Task,
    Action,
    Result,
}

/// <summary>A learner's STAR answer as typed; <see cref="Learned"/> ("what did you learn") is optional and not scored.</summary>
public sealed record StarAnswer(string Situation, string Task, string Action, string Result, string? Learned = null)
{
    public static IReadOnlyList<StarPart> Parts { get; } = [StarPart.Situation, StarPart.Task, StarPart.Action, StarPart.Result];

    public string Text(StarPart part) => part switch
    {
        StarPart.Situation => Situation,
        StarPart.Task => Task,
        StarPart.Action => Action,
        _ => Result,
    };

    /// <summary>All four scored parts are blank.</summary>
    public bool IsEmpty => Parts.All(part => string.IsNullOrWhiteSpace(Text(part)));
}

/// <summary>What a card expects of an answer: its competencies and keywords from its "What good looks like".</summary>
/// <param name="Competencies">The card's <c>## Competencies</c>, e.g. <c>conflict</c>, <c>communication</c>.</param>
/// <param name="Keywords">Words from the Action bullet of <c>## What good looks like</c>, most used first.</param>
public sealed record StarRubric(IReadOnlyList<string> Competencies, IReadOnlyList<string> Keywords)
{
    public static StarRubric None { get; } = new([], []);

    /// <summary>The rubric of a behavioural card (empty lists for a card without those sections).</summary>
    public static StarRubric From(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new StarRubric(CompetenciesOf(card), StarText.Keywords(card.Section("What good looks like")?.Markdown ?? string.Empty, StarRules.KeywordsFromCard));
    }

    /// <summary>The items of the card's <c>## Competencies</c> list, lowercase, in order.</summary>
    public static IReadOnlyList<string> CompetenciesOf(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Section("Competencies") is { } section
            ? [.. section.Markdown.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
                .Select(line => line[2..].Trim().ToLowerInvariant())
                .Where(line => line.Length > 0)
                .Distinct(StringComparer.Ordinal)]
            : [];
    }
}
