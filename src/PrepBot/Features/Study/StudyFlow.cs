using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// Everything after a question is on screen: hint, written answer, reveal, multiple-choice answer and
/// self-grade. Grades go to SM-2 through <see cref="ReviewStore"/>; in a review session the next due card follows.
/// </summary>
public sealed class StudyFlow(CardCatalog catalog, ReviewStore reviews, CardPicker picker, TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, StudyToken token, UserInput input, CancellationToken cancellationToken)
    {
        if (token.LearnerId != learner.Id)
        {
            return [Reply.Text("This question was sent to someone else. Start your own with `/quiz` or `/review`.")];
        }

        if (catalog.Find(token.CardId) is not { } card)
        {
            return [Reply.Text($"The card `{token.CardId}` is no longer in the deck. Try `/quiz` for another question.")];
        }

        switch (token.Action)
        {
            case StudyAction.Hint:
                return [CardPresenter.Question(card, token with { HintUsed = true })];
            case StudyAction.Write:
                return [CardPresenter.AnswerForm(card, token)];
            case StudyAction.Reveal:
                return [CardPresenter.Revealed(card, token, learnerAnswer: null)];
            case StudyAction.Submit when input is ModalInput form:
                form.Fields.TryGetValue(CardPresenter.AnswerFieldId, out var answer);
                return [CardPresenter.Revealed(card, token, answer)];
            case StudyAction.Choose when input is SelectInput selection:
                return await ChooseAsync(learner, card, token, selection, cancellationToken).ConfigureAwait(false);
            case StudyAction.Grade:
                return await GradeAsync(learner, card, token, token.Quality, lead: null, cancellationToken).ConfigureAwait(false);
            default:
                return [Reply.Text("That answer did not come with what PrepBot expected. Try the question again with `/quiz`.")];
        }
    }

    /// <summary>The first question of a session, or the message that there is none.</summary>
    public static Reply Ask(LearnerContext learner, PickedCard picked, StudyMode mode, string? lead = null) =>
        CardPresenter.Question(picked.Card, new StudyToken(StudyAction.Reveal, mode, learner.Id, picked.Version, HintUsed: false, picked.Card.Id), lead);

    private async Task<IReadOnlyList<Reply>> ChooseAsync(
        LearnerContext learner, Card card, StudyToken token, SelectInput selection, CancellationToken cancellationToken)
    {
        if (!card.IsMultipleChoice)
        {
            return [Reply.Text($"`{card.Id}` is not a multiple-choice card any more; reveal its answer with `/quiz`.")];
        }

        var chosen = new HashSet<int>();
        foreach (var value in selection.Values)
        {
            var index = value.Length == 1 ? char.ToUpperInvariant(value[0]) - 'A' : -1;
            if (index < 0 || index >= card.Choices.Count)
            {
                var valid = string.Join(", ", Enumerable.Range(0, card.Choices.Count).Select(CardPresenter.Letter));
                return [Reply.Text($"`{value}` is not one of this question's choices ({valid}).")];
            }

            chosen.Add(index);
        }

        var isCorrect = chosen.Count > 0 && chosen.SetEquals(Enumerable.Range(0, card.Choices.Count).Where(i => card.Choices[i].IsCorrect));
        var grade = !isCorrect ? ReviewGrade.Again : token.HintUsed ? ReviewGrade.Hard : ReviewGrade.Good;
        var feedback = CardPresenter.ChoiceFeedback(card, chosen, isCorrect);
        return await GradeAsync(learner, card, token, grade.ToQuality(), feedback, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> GradeAsync(
        LearnerContext learner, Card card, StudyToken token, int quality, string? lead, CancellationToken cancellationToken)
    {
        var outcome = await reviews.RecordAsync(learner.Id, card.Id, token.Version, quality, learner.Zone, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        if (lead is not null && outcome.Result == RecordResult.Recorded)
        {
            text.Append(lead).Append("\n\n");
        }

        text.Append(Describe(outcome, quality, learner.Zone));

        if (token.Mode == StudyMode.Review)
        {
            var next = await picker.NextDueAsync(learner.Id, cancellationToken).ConfigureAwait(false);
            if (next is not null)
            {
                return [Reply.Text(text.ToString()), Ask(learner, next, StudyMode.Review)];
            }

            text.Append("\n\n🎉 **Review done** — nothing else is due right now.");
            return [new Reply { Markdown = text.ToString(), Buttons = [new ReplyButton("Quiz me on something new", CommandButtons.Quiz, ButtonStyle.Primary)] }];
        }

        var buttons = new List<ReplyButton> { new("Another question", CommandButtons.Quiz, ButtonStyle.Primary) };
        var due = await picker.CountDueAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (due > 0)
        {
            buttons.Add(new ReplyButton(string.Create(CultureInfo.InvariantCulture, $"Review due cards ({due})"), CommandButtons.Review));
        }

        return [new Reply { Markdown = text.ToString(), Buttons = buttons }];
    }

    private string Describe(ReviewOutcome outcome, int quality, TimeZoneInfo zone) => outcome.Result switch
    {
        RecordResult.Duplicate => "That answer was already recorded — each answer counts once.",
        RecordResult.Stale => "This question is out of date: you have graded this card since. Continue with `/review` or `/quiz`.",
        _ when outcome.State.InRedrill =>
            $"Recorded **{GradeName(quality)}**. This card comes back later in this session until you know it well " +
            $"(its next scheduled review is {When(outcome.State.ScheduledDue, zone)}).",
        _ => $"Recorded **{GradeName(quality)}**. Next review {When(outcome.State.Due, zone)}.",
    };

    private string When(DateTimeOffset due, TimeZoneInfo zone)
    {
        var today = StudyCalendar.StudyDay(time.GetUtcNow(), zone);
        var day = StudyCalendar.StudyDay(due, zone);
        var days = day.DayNumber - today.DayNumber;
        return days switch
        {
            <= 0 => "today",
            1 => "tomorrow",
            _ => string.Create(CultureInfo.InvariantCulture, $"in {days} days ({day:ddd d MMM})"),
        };
    }

    public static string GradeName(int quality) => quality switch
    {
        <= 2 => "Again",
        3 => "Hard",
        4 => "Good",
        _ => "Easy",
    };
}
