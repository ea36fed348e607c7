using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Learning;
using PrepBot.Rendering;

namespace PrepBot.Features.Study;

/// <summary>Turns a card into the replies a learner sees: the question, the hint, the answer to grade.</summary>
public static class CardPresenter
{
    public const string AnswerFieldId = "answer";

    /// <param name="card">The card to ask.</param>
    /// <param name="token">What its buttons carry.</param>
    /// <param name="lead">A line to put first (e.g. the review count).</param>
    /// <param name="tables">SQL cards: the dataset tables the question is about (Markdown), shown under it.</param>
    /// <param name="order">
    /// Multiple choice: the card-file indices of the options in the order to show them; by default the learner's own
    /// order for this card-state version (<see cref="ChoiceOrder.ForLearner"/>).
    /// </param>
    public static Reply Question(Card card, StudyToken token, string? lead = null, string? tables = null, IReadOnlyList<int>? order = null)
    {
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.Append(lead).Append("\n\n");
        }

        text.Append(Header(card)).Append("\n\n");
        text.Append(QuestionMarkdown(card));
        if (card.Kind == CardKind.Sql && card.Dataset is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nDataset: `{card.Dataset}`");
            if (tables is not null)
            {
                text.Append("\n\n").Append(tables);
            }
        }

        if (token.HintUsed && card.Section("Hint") is { } hint)
        {
            text.Append("\n\n**Hint:** ").Append(hint.Markdown);
        }

        var buttons = new List<ReplyButton>();
        ReplySelect? select = null;
        if (card.IsMultipleChoice)
        {
            var correct = card.Choices.Count(c => c.IsCorrect);
            order ??= ChoiceOrder.ForLearner(token.LearnerId, card.Id, token.Version, card.Choices.Count);
            text.Append("\n\n").Append(correct > 1 ? "*Select every right answer.*" : "*Choose one answer.*");
            for (var shown = 0; shown < order.Count; shown++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n\n**{Letter(shown)}.** {card.Choices[order[shown]].Markdown}");
            }

            select = new ReplySelect(
                token.With(StudyAction.Choose).Format(),
                correct > 1 ? "Select every right answer" : "Choose an answer",
                [.. order.Select((index, shown) => new SelectOption(
                    Truncate($"{Letter(shown)}. {MarkdownRenderer.ToPlainText(card.Choices[index].Markdown)}", 100), ChoiceOrder.Value(index)))],
                MinValues: 1,
                MaxValues: correct > 1 ? card.Choices.Count : 1);
        }
        else if (card.Kind == CardKind.Sql)
        {
            // A SQL answer is graded by running it, so writing the query comes first; revealing still self-grades.
            buttons.Add(new ReplyButton("Write a query", token.With(StudyAction.Write).Format(), ButtonStyle.Primary));
            buttons.Add(new ReplyButton("Reveal answer", token.With(StudyAction.Reveal).Format()));
        }
        else
        {
            // Reveal first: it is what most answers end with, and "1" is the easiest key to script.
            buttons.Add(new ReplyButton("Reveal answer", token.With(StudyAction.Reveal).Format(), ButtonStyle.Primary));
            buttons.Add(new ReplyButton("Write an answer", token.With(StudyAction.Write).Format()));
        }

        if (!token.HintUsed && card.Section("Hint") is not null)
        {
            buttons.Add(new ReplyButton("Hint", token.With(StudyAction.Hint).Format()));
        }

        return new Reply { Markdown = text.ToString(), Buttons = buttons, Select = select };
    }

    public static Reply AnswerForm(Card card, StudyToken token) => Reply.Form(new ModalRequest(
        token.With(StudyAction.Submit).Format(),
        Truncate(card.Kind == CardKind.Sql ? "Your query" : "Your answer", 45),
        [new ModalField(AnswerFieldId, card.Kind == CardKind.Sql ? "SQL query" : "Answer", IsParagraph: true, MaxLength: 4000,
            Placeholder: card.Kind == CardKind.Sql ? "SELECT ..." : "Write it as you would say it in an interview")]));

    /// <summary>The answer to compare with (and the learner's own, when they wrote one), then the grade buttons.</summary>
    public static Reply Revealed(Card card, StudyToken token, string? learnerAnswer)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(learnerAnswer))
        {
            text.Append("**Your answer**\n\n");
            text.Append(card.Kind == CardKind.Sql ? Fenced(learnerAnswer, "sql") : Quote(learnerAnswer));
            text.Append("\n\n");
        }

        foreach (var name in AnswerSections(card.Kind))
        {
            if (card.Section(name) is { } section)
            {
                text.Append("**").Append(name).Append("**\n\n").Append(section.Markdown).Append("\n\n");
            }
        }

        text.Append("How well did you know it?");
        return new Reply { Markdown = text.ToString(), Buttons = GradeButtons(token) };
    }

    /// <summary>A rejected, refused or failed query: the feedback, then Try again, Hint (while unused) and Give up. Only the learner sees it.</summary>
    public static Reply SqlRetry(Card card, StudyToken token, string feedback)
    {
        var buttons = new List<ReplyButton> { new("Try again", token.With(StudyAction.Write).Format(), ButtonStyle.Primary) };
        if (!token.HintUsed && card.Section("Hint") is not null)
        {
            buttons.Add(new ReplyButton("Hint", token.With(StudyAction.Hint).Format()));
        }

        buttons.Add(new ReplyButton("Give up", token.With(StudyAction.GiveUp).Format(), ButtonStyle.Danger));
        return new Reply { Markdown = feedback, Buttons = buttons, IsPrivate = true };
    }

    /// <summary>The answer sections of a SQL card (reference query and explanation), for after it is solved or given up.</summary>
    public static string SqlAnswer(Card card)
    {
        var text = new StringBuilder();
        foreach (var name in AnswerSections(CardKind.Sql))
        {
            if (card.Section(name) is { } section)
            {
                text.Append("**").Append(name).Append("**\n\n").Append(section.Markdown).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// A card's answer on its own (no grade buttons), e.g. for a daily question's thread: the right choices and the
    /// explanation of a multiple-choice card, otherwise the answer sections of its kind.
    /// </summary>
    public static string AnswerMarkdown(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = new StringBuilder();
        if (card.IsMultipleChoice)
        {
            text.Append(RightChoices(card)).Append("\n\n");

            if (card.Section("Explanation") is { } explanation)
            {
                text.Append("**Explanation**\n\n").Append(explanation.Markdown);
            }

            return text.ToString().TrimEnd();
        }

        foreach (var name in AnswerSections(card.Kind))
        {
            if (card.Section(name) is { } section)
            {
                text.Append("**").Append(name).Append("**\n\n").Append(section.Markdown).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd();
    }

    public static IReadOnlyList<ReplyButton> GradeButtons(StudyToken token) =>
    [
        new("Again", token.With(StudyAction.Grade, ReviewGrade.Again.ToQuality()).Format(), ButtonStyle.Danger),
        new("Hard", token.With(StudyAction.Grade, ReviewGrade.Hard.ToQuality()).Format()),
        new("Good", token.With(StudyAction.Grade, ReviewGrade.Good.ToQuality()).Format(), ButtonStyle.Success),
        new("Easy", token.With(StudyAction.Grade, ReviewGrade.Easy.ToQuality()).Format(), ButtonStyle.Primary),
    ];

    /// <summary>
    /// Feedback on a multiple-choice answer: right or not, the options chosen and the right ones quoted by their text (the
    /// letters they were shown under differ from learner to learner), and why.
    /// </summary>
    /// <param name="card">The card answered.</param>
    /// <param name="chosen">Card-file indices of the options chosen.</param>
    /// <param name="isCorrect">Whether the choice was right.</param>
    public static string ChoiceFeedback(Card card, IReadOnlySet<int> chosen, bool isCorrect)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(chosen);
        var text = new StringBuilder();
        text.Append(isCorrect ? "✅ **Correct.**" : "❌ **Not quite.**");
        if (!isCorrect)
        {
            text.Append("\n\n**You chose**");
            foreach (var i in chosen.Order())
            {
                text.Append("\n- ").Append(OneLine(card.Choices[i].Markdown));
            }
        }

        text.Append("\n\n").Append(RightChoices(card));
        if (card.Section("Explanation") is { } explanation)
        {
            text.Append("\n\n**Explanation**\n\n").Append(explanation.Markdown);
        }

        return text.ToString();
    }

    /// <summary>The right option(s) of a multiple-choice card by their text, under "The answer" (or "The answers").</summary>
    private static string RightChoices(Card card)
    {
        var right = card.Choices.Where(c => c.IsCorrect).ToList();
        var text = new StringBuilder(right.Count > 1 ? "**The answers**" : "**The answer**");
        foreach (var choice in right)
        {
            text.Append("\n- ").Append(OneLine(choice.Markdown));
        }

        return text.ToString();
    }

    /// <summary>An option's Markdown as one list item's text (continuation lines joined).</summary>
    private static string OneLine(string markdown) => string.Join(' ', markdown.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()));

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    public static string KindLabel(CardKind kind) => kind switch
    {
        CardKind.Sql => "SQL",
        CardKind.Concept => "Concept",
        CardKind.Design => "System design",
        CardKind.Behavioral => "Behavioural",
        _ => kind.ToString(),
    };

    private static string Header(Card card)
    {
        var header = string.Create(CultureInfo.InvariantCulture,
            $"*{KindLabel(card.Kind)} · week {card.Week} · {card.Topic} · {card.Difficulty.ToString().ToLowerInvariant()}*");
        return card.Title is null ? header : $"{header}\n\n**{card.Title}**";
    }

    private static string QuestionMarkdown(Card card) =>
        (card.Section("Question") ?? card.Section("Prompt"))?.Markdown ?? string.Empty;

    private static string[] AnswerSections(CardKind kind) => kind switch
    {
        CardKind.Sql => ["Reference", "Explanation"],
        CardKind.Concept => ["Answer", "Explanation"],
        CardKind.Design => ["Rubric", "Reference answer", "Follow-ups"],
        CardKind.Behavioral => ["Competencies", "What good looks like", "Follow-ups"],
        _ => [],
    };

    private static string Quote(string text) =>
        string.Join('\n', text.Trim().ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));

    private static string Fenced(string text, string language)
    {
        var fence = text.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        return $"{fence}{language}\n{text.Trim()}\n{fence}";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
