using PrepBot.Features.Star;

namespace PrepBot.Tests.Features.Star;

/// <summary>Written example answers to "a technical disagreement with a teammate", each with a known weakness (or none).</summary>
internal static class StarExamples
{
    public static readonly StarRubric Rubric = new(["conflict", "communication"], ["criteria", "prototype", "colleague", "decision", "evidence"]);

    public const string Situation =
        "Last spring I was the data engineer on a four-person analytics team at a subscription retailer, and a senior colleague "
        + "and I disagreed about the new sales model. He wanted one wide 300-column table for the BI tool, while I wanted a star "
        + "schema with conformed dimensions. The quarterly board dashboards depended on the choice, and the deadline was six weeks away.";

    public const string Task =
        "My job was to reach a decision that served the project and the analysts, and to keep a good working relationship with "
        + "my colleague rather than win the argument.";

    public const string Action =
        "First I asked my colleague for thirty minutes in private, and I listened until I could state his reasoning back to him: "
        + "the BI tool joined poorly and the analysts wanted one place to look. I proposed that we agree on criteria before arguing "
        + "about options, and I wrote them down: query cost, freshness, ease of change, and what the analysts needed. Then I built "
        + "a small prototype of both designs on real data from the orders and customers tables. I ran the twelve heaviest dashboard "
        + "queries against each and recorded the cost and runtime in a shared document. I invited three analysts to try both "
        + "versions for a week and collected their feedback. The evidence pointed to a combination, so I suggested a star schema "
        + "underneath with a wide presentation table generated from it. I presented the comparison to my colleague first, then to "
        + "our tech lead, and I recorded the decision and its reasons in an architecture decision record.";

    public const string Result =
        "We shipped the combined design in five weeks. Dashboard queries ran 4 times faster, a definition now changes in one place "
        + "instead of six, and data questions from analysts fell from 15 a week to 3. My colleague and I went on to co-own the model.";

    public static StarAnswer Strong { get; } = new(Situation, Task, Action, Result, "Agree on criteria before debating options.");

    public static StarAnswer Vague { get; } = new(
        "There was a problem with some data at work.",
        "I had to fix it.",
        "I basically just talked to people and kind of sorted it out, you know, and maybe changed some stuff.",
        "It went well I think and everyone was happy.");

    public const string WeAction =
        "First we asked the other team for thirty minutes in private, and we listened until we could state their reasoning back: "
        + "the BI tool joined poorly and the analysts wanted one place to look. We agreed on criteria before arguing about options "
        + "and wrote them down: query cost, freshness, ease of change, and what the analysts needed. Then we built a small prototype "
        + "of both designs on real data from the orders and customers tables. We ran the twelve heaviest dashboard queries against "
        + "each and recorded the cost and runtime in a shared document. We invited three analysts to try both versions for a week "
        + "and collected their feedback. The evidence pointed to a combination, so we chose a star schema underneath with a wide "
        + "presentation table generated from it, and we recorded the decision in an architecture decision record.";

    public static StarAnswer WeOnly { get; } = Strong with { Action = WeAction };

    public const string UnmeasuredResult =
        "The combined design shipped on time. Dashboard queries ran much faster, a definition now changes in a single place, and "
        + "the analysts stopped filing so many data questions. My colleague and I went on to co-own the model.";

    public static StarAnswer NoNumbers { get; } = Strong with { Result = UnmeasuredResult };

    public static StarAnswer VeryLong { get; } = Strong with { Action = Action + " " + Action + " " + Action };

    public static StarAnswer EmptyParts { get; } = Strong with { Task = "", Result = "  " };

    public const string HypotheticalAction =
        "In a case like that I would ask my colleague for thirty minutes in private and listen until I could state his reasoning "
        + "back to him. I would propose criteria before arguing about options: query cost, freshness, ease of change, and what the "
        + "analysts need. Then I build a prototype of both designs on real data, run the heaviest dashboard queries against each, "
        + "and let the evidence decide, and I record the decision and its reasons in an architecture decision record.";

    public static StarAnswer Hypothetical { get; } = Strong with { Action = HypotheticalAction };

    public static StarAnswer LongSituation { get; } = Strong with
    {
        Situation = Situation + " " + Situation + " " + Situation,
        Action = string.Join(' ', Action.Split(". ").Take(5)) + ".",
    };
}
