using System.Globalization;
using System.Text;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.SqlPractice;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// Everything after a question is on screen: hint, written answer, reveal, multiple-choice answer and
/// self-grade, and SQL queries graded by running them (<see cref="SqlAnswers"/>). Grades go to SM-2 through
/// <see cref="ReviewStore"/>; in a review session the next due card follows.
/// </summary>
public sealed class StudyFlow(
    CardCatalog catalog, ReviewStore reviews, CardPicker picker, SqlAnswers sqlAnswers, SqlCardPreview sqlPreview, ReplyLimits limits, TimeProvider time)
{
    /// <summary>Rows of the expected result shown after giving up on a SQL card.</summary>
    private const int GiveUpPreviewRows = 5;

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
                return [Question(card, token with { HintUsed = true }, lead: null)];
            case StudyAction.Write:
                if (card.Kind == CardKind.Sql)
                {
                    await sqlAnswers.OpenedAsync(learner.Id, card, token.Version, token.HintUsed, cancellationToken).ConfigureAwait(false);
                }

                return [CardPresenter.AnswerForm(card, token)];
            case StudyAction.Submit when input is ModalInput form && card.Kind == CardKind.Sql:
                form.Fields.TryGetValue(CardPresenter.AnswerFieldId, out var query);
                return await SubmitQueryAsync(learner, card, token, query ?? string.Empty, cancellationToken).ConfigureAwait(false);
            case StudyAction.GiveUp when card.Kind == CardKind.Sql:
                return await GiveUpAsync(learner, card, token, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The question of a picked card, with its buttons.</summary>
    public Reply Ask(LearnerContext learner, PickedCard picked, StudyMode mode, string? lead = null)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(picked);
        return Question(picked.Card, new StudyToken(StudyAction.Reveal, mode, learner.Id, picked.Version, HintUsed: false, picked.Card.Id), lead);
    }

    /// <summary>The question; a SQL card also shows the tables its answer uses, in what is left of one message of the front end.</summary>
    private Reply Question(Card card, StudyToken token, string? lead)
    {
        var question = CardPresenter.Question(card, token, lead);
        if (card.Kind != CardKind.Sql)
        {
            return question;
        }

        var budget = limits.MessageLength - question.Markdown.Length - 2;
        return sqlPreview.Tables(card, budget) is { } tables ? CardPresenter.Question(card, token, lead, tables) : question;
    }

    /// <summary>Grades a query: accepted records the review at once; otherwise the feedback and ways to carry on.</summary>
    private async Task<IReadOnlyList<Reply>> SubmitQueryAsync(
        LearnerContext learner, Card card, StudyToken token, string query, CancellationToken cancellationToken)
    {
        var submission = await sqlAnswers.SubmitAsync(learner.Id, card, token.Version, token.HintUsed, query, cancellationToken).ConfigureAwait(false);
        var verdict = submission.Verdict;
        if (verdict.Kind == SqlVerdictKind.Unavailable)
        {
            return [new Reply { Markdown = verdict.Feedback, Buttons = [new ReplyButton("Reveal answer", token.With(StudyAction.Reveal).Format())] }];
        }

        if (!verdict.IsAccepted)
        {
            return [CardPresenter.SqlRetry(card, token, verdict.Feedback)];
        }

        var grade = submission.Grade!.Value;
        var lead = verdict.Feedback + " " + SqlGradePolicy.Reason(grade, submission.EarlierTries, token.HintUsed) + "\n\n" + CardPresenter.SqlAnswer(card);
        return await GradeAsync(learner, card, token, grade.ToQuality(), lead, cancellationToken, leadEvenIfNotRecorded: true).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> GiveUpAsync(LearnerContext learner, Card card, StudyToken token, CancellationToken cancellationToken)
    {
        await sqlAnswers.GaveUpAsync(learner.Id, card, token.Version, token.HintUsed, cancellationToken).ConfigureAwait(false);
        var lead = new StringBuilder("Here is the answer.\n\n").Append(CardPresenter.SqlAnswer(card));
        if (sqlAnswers.ReferencePreview(card, GiveUpPreviewRows) is { } result)
        {
            lead.Append("\n\n**Expected result** ").Append(result);
        }

        return await GradeAsync(learner, card, token, SqlGradePolicy.ForGivingUp().ToQuality(), lead.ToString(), cancellationToken, leadEvenIfNotRecorded: true)
            .ConfigureAwait(false);
    }

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
            if (!ChoiceOrder.TryParseValue(value, card, out var index))
            {
                return [Reply.Text($"That choice is not one of the options of `{card.Id}` any more (the card was changed); ask for the question again with `/quiz`.")];
            }

            chosen.Add(index);
        }

        var isCorrect = chosen.Count > 0 && chosen.SetEquals(Enumerable.Range(0, card.Choices.Count).Where(i => card.Choices[i].IsCorrect));
        var grade = !isCorrect ? ReviewGrade.Again : token.HintUsed ? ReviewGrade.Hard : ReviewGrade.Good;
        var feedback = CardPresenter.ChoiceFeedback(card, chosen, isCorrect);
        return await GradeAsync(learner, card, token, grade.ToQuality(), feedback, cancellationToken, chosen: chosen).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> GradeAsync(
        LearnerContext learner, Card card, StudyToken token, int quality, string? lead, CancellationToken cancellationToken, bool leadEvenIfNotRecorded = false,
        IReadOnlyCollection<int>? chosen = null)
    {
        var outcome = await reviews.RecordAsync(learner.Id, card.Id, token.Version, quality, learner.Zone, chosen, cancellationToken).ConfigureAwait(false);
        ReplyButton[] undo = outcome.LogId is { } logId ? [UndoButton(learner, logId)] : [];
        var text = new StringBuilder();
        if (lead is not null && (outcome.Result == RecordResult.Recorded || leadEvenIfNotRecorded))
        {
            text.Append(lead).Append("\n\n");
        }

        text.Append(Describe(outcome, quality, learner.Zone));

        if (token.Mode == StudyMode.Review)
        {
            var next = await picker.NextDueAsync(learner, cancellationToken).ConfigureAwait(false);
            if (next is not null)
            {
                return [new Reply { Markdown = text.ToString(), Buttons = undo }, Ask(learner, next, StudyMode.Review)];
            }

            var allowance = await picker.AllowanceAsync(learner, cancellationToken).ConfigureAwait(false);
            if (!allowance.ReviewsLeft && await picker.CountDueAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n\n✋ **Daily cap reached** — that was review {allowance.ReviewsDone} of {allowance.ReviewCap} for today (`/me cap`); the rest wait for tomorrow.");
                return [new Reply { Markdown = text.ToString(), Buttons = undo }];
            }

            text.Append("\n\n🎉 **Review done** — nothing else is due right now.");
            return [new Reply { Markdown = text.ToString(), Buttons = [new ReplyButton("Quiz me on something new", CommandButtons.Quiz, ButtonStyle.Primary), .. undo] }];
        }

        var buttons = new List<ReplyButton> { new("Another question", CommandButtons.Quiz, ButtonStyle.Primary) };
        var due = await picker.CountDueAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (due > 0)
        {
            buttons.Add(new ReplyButton(string.Create(CultureInfo.InvariantCulture, $"Review due cards ({due})"), CommandButtons.Review));
        }

        buttons.AddRange(undo);
        return [new Reply { Markdown = text.ToString(), Buttons = buttons }];
    }

    /// <summary>Undo under a recorded grade (<see cref="UndoHandler"/>): it names the review-log row, so it works after a restart.</summary>
    private static ReplyButton UndoButton(LearnerContext learner, long logId) => new("Undo", new UndoToken(learner.Id, logId).Format());

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
