using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Features.Cards;

/// <summary>
/// <c>/card show id:&lt;id&gt;</c> (admins): the card's question exactly as the study presenter shows it to learners,
/// its answer side, its metadata and, for admins, how learners do on it (<see cref="CardStatsReport"/>). The preview carries
/// no buttons, so nothing can be recorded for the admin.
/// </summary>
public sealed class CardShowHandler(CardCatalog catalog, ReviewStatsStore stats, IOptions<LearningOptions> learning)
{
    public const string IdOption = "id";

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, LearnerContext admin, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(command);
        var id = command.Get(IdOption) ?? string.Empty;
        if (catalog.Find(id) is not { } card)
        {
            return [Reply.Text(NotFound(id))];
        }

        // The learner's first view of the card; its buttons are listed, not offered, so pressing nothing records nothing.
        var token = new StudyToken(StudyAction.Reveal, StudyMode.Quiz, admin.Id, Version: 0, HintUsed: false, card.Id);
        // Options in the order they are written, so the author can find them in the file; learners see them shuffled.
        var question = CardPresenter.Question(card, token, order: [.. Enumerable.Range(0, card.Choices.Count)]);
        var shown = new StringBuilder(question.Markdown);
        var controls = question.Buttons.Select(button => button.Label).ToList();
        if (question.Select is { } select)
        {
            controls.Insert(0, $"a menu \"{select.Placeholder}\" (options shown in file order here; each learner sees them shuffled)");
        }

        // What StudyFlow adds around the question: put it aside while new; suspend or take back the grade after answering.
        controls.Add($"{StudyFlow.NotNowLabel} (while the card is new to them)");
        shown.Append("\n\n_Learners also get: ").AppendJoin(" · ", controls).Append("._");
        shown.Append(CultureInfo.InvariantCulture, $"\n_After answering: {StudyFlow.SuspendLabel} · Undo (for {learning.Value.UndoMinutes} minutes)._");

        var replies = new List<Reply> { Reply.Text(Metadata(card)), Reply.Text(shown.ToString()), Reply.Text(AnswerSide(card, token)) };

        // Other learners' results are for the people who run the server and its deck, like the rest of /card.
        if (who.CanManageServer)
        {
            var figures = await stats.GetAsync(card.Id, learning.Value.LeechLapses, cancellationToken).ConfigureAwait(false);
            replies.Add(Reply.Text(Statistics(figures, card, learning.Value.LeechLapses)));
        }

        return replies;
    }

    /// <summary>How learners do on the card: the figures of <c>content stats</c>, undone grades left out.</summary>
    private static string Statistics(CardReviewStats? figures, Card card, int leechLapses)
    {
        var text = new StringBuilder("**How learners do on it** (admins only)\n\n");
        if (figures is null)
        {
            return text.Append("Nobody has answered it yet.").ToString();
        }

        text.Append(CardStatsReport.Figures(figures));
        foreach (var line in CardStatsReport.Options(figures, card))
        {
            text.Append("\n- ").Append(line.TrimStart());
        }

        text.Append(CultureInfo.InvariantCulture, $"\n\n_Lapse rate: scheduled reviews failed; a leech is a learner's card with {leechLapses} or more lapses._");
        return text.ToString();
    }

    private string Metadata(Card card)
    {
        var c = CultureInfo.InvariantCulture;
        var plan = catalog.Plan;
        var text = new StringBuilder();
        text.Append(c, $"**Preview of `{card.Id}`** — nothing you do here is recorded.\n\n");
        text.Append(c, $"- File: `{card.SourcePath}` (in the content folder)\n");
        text.Append(c, $"- Kind: {CardFormat.KindName(card.Kind)}");
        text.Append(card.IsMultipleChoice ? " (multiple choice)\n" : card.Kind == CardKind.Concept ? " (reveal and self-grade)\n" : "\n");
        text.Append(c, $"- Week: {card.Week}");
        text.Append(plan?.Week(card.Week) is { } week ? $" — {week.Theme}\n" : "\n");
        text.Append(c, $"- Topic: `{card.Topic}`");
        if (plan is not null)
        {
            var weeks = plan.WeeksOf(card.Topic);
            text.Append(weeks.Count == 0 ? " ⚠️ not a topic of the plan"
                : !weeks.Contains(card.Week) ? $" ⚠️ the plan lists it in week{(weeks.Count == 1 ? "" : "s")} {string.Join(", ", weeks)}, not {card.Week}"
                : string.Empty);
        }

        text.Append('\n');
        text.Append(c, $"- Difficulty: {card.Difficulty.ToString().ToLowerInvariant()}\n");
        text.Append(card.Retired ? "- Retired: **yes** — learners keep its history; nobody gets it as a new card or a review\n" : "- Retired: no\n");
        if (card.Title is not null)
        {
            text.Append(c, $"- Title: {card.Title}\n");
        }

        if (card.Dataset is not null)
        {
            text.Append(c, $"- Dataset: `{card.Dataset}`\n");
        }

        if (card.Tags.Count > 0)
        {
            text.Append("- Tags: ").AppendJoin(", ", card.Tags.Select(tag => $"`{tag}`")).Append('\n');
        }

        text.Append(c, $"- Sections: {string.Join(", ", card.Sections.Select(section => section.Name))}");
        return text.ToString();
    }

    private static string AnswerSide(Card card, StudyToken token)
    {
        var text = new StringBuilder("**What learners see after answering**\n\n");
        if (card.IsMultipleChoice)
        {
            var right = Enumerable.Range(0, card.Choices.Count).Where(i => card.Choices[i].IsCorrect).ToHashSet();
            text.Append(CardPresenter.ChoiceFeedback(card, right, isCorrect: true));
        }
        else
        {
            var revealed = CardPresenter.Revealed(card, token, learnerAnswer: null);
            text.Append(revealed.Markdown);
            text.Append("\n\n_Grade buttons: ").AppendJoin(" · ", revealed.Buttons.Select(button => button.Label)).Append("._");
        }

        if (card.Section("Hint") is { } hint)
        {
            text.Append("\n\n**Hint** (behind the Hint button)\n\n").Append(hint.Markdown);
        }

        return text.ToString();
    }

    private string NotFound(string id)
    {
        var ids = catalog.Cards.Select(card => card.Id).ToList();
        var closest = Suggestions.Closest(id, ids)
            ?? ids.FirstOrDefault(known => known.Contains(id, StringComparison.OrdinalIgnoreCase))
            ?? ids.Select(known => (Id: known, Distance: Suggestions.EditDistance(id.ToLowerInvariant(), known)))
                .Where(pair => pair.Distance <= Math.Max(pair.Id.Length, id.Length) / 2)
                .OrderBy(pair => pair.Distance).ThenBy(pair => pair.Id, StringComparer.Ordinal)
                .Select(pair => pair.Id).FirstOrDefault();
        return $"There is no card `{MarkdownEscape(id)}` in the deck."
            + (closest is null ? " `content check` lists every card." : $" Did you mean `{closest}`?");
    }

    private static string MarkdownEscape(string text) => text.Replace("`", "'", StringComparison.Ordinal);
}
