using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.SqlPractice;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// Everything after a question is on screen: hint, written answer, reveal, multiple-choice answer and
/// self-grade, and SQL queries graded by running them (<see cref="SqlAnswers"/>). Grades go to SM-2 through
/// <see cref="ReviewStore"/>; in a review session the next due card follows.
/// </summary>
public sealed class StudyFlow(
    CardCatalog catalog, ReviewStore reviews, CardPicker picker, SqlAnswers sqlAnswers, SqlCardPreview sqlPreview, ReplyLimits limits, TimeProvider time,
    CardHoldStore holds, IOptions<LearningOptions> learning)
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
                return [WithSuspend(CardPresenter.Revealed(card, token, learnerAnswer: null), token)];
            case StudyAction.Submit when input is ModalInput form:
                form.Fields.TryGetValue(CardPresenter.AnswerFieldId, out var answer);
                return [WithSuspend(CardPresenter.Revealed(card, token, answer), token)];
            case StudyAction.Skip:
                return await SkipAsync(learner, card, token, cancellationToken).ConfigureAwait(false);
            case StudyAction.Suspend:
                return await SuspendAsync(learner, card, token, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The question; a SQL card also shows the tables its answer uses, in what is left of one message of the front end. A new
    /// card asked by <c>/quiz</c> (state version 0) also offers "Not now".
    /// </summary>
    private Reply Question(Card card, StudyToken token, string? lead)
    {
        var question = CardPresenter.Question(card, token, lead);
        if (card.Kind == CardKind.Sql)
        {
            var budget = limits.MessageLength - question.Markdown.Length - 2;
            question = sqlPreview.Tables(card, budget) is { } tables ? CardPresenter.Question(card, token, lead, tables) : question;
        }

        return token is { Version: 0, Mode: StudyMode.Quiz }
            ? question with { Buttons = [.. question.Buttons, new ReplyButton(NotNowLabel, token.With(StudyAction.Skip).Format()) { Keyword = "skip" }] }
            : question;
    }

    public const string NotNowLabel = "Not now";

    public const string SuspendLabel = "Suspend";

    /// <summary>An answer view with a Suspend button for its card.</summary>
    private static Reply WithSuspend(Reply reply, StudyToken token) =>
        reply with { Buttons = [.. reply.Buttons, SuspendButton(token)] };

    private static ReplyButton SuspendButton(StudyToken token) =>
        new(SuspendLabel, token.With(StudyAction.Suspend).Format()) { Keyword = "suspend" };

    /// <summary>
    /// "Not now" on a new card: it is put aside until the learner's next study day (no review recorded) and the next card
    /// comes. Refused for a card that is not new; a second press of the same button changes nothing.
    /// </summary>
    private async Task<IReadOnlyList<Reply>> SkipAsync(LearnerContext learner, Card card, StudyToken token, CancellationToken cancellationToken)
    {
        if (token.Version != 0)
        {
            return [Reply.Text($"\"Not now\" is for new cards, and `{card.Id}` is a review: grade it, or suspend it from its answer.")];
        }

        var now = time.GetUtcNow();
        var until = StudyCalendar.StartOf(StudyCalendar.StudyDay(now, learner.Zone).AddDays(1), learner.Zone);
        var result = await holds.SkipAsync(learner.Id, card.Id, until, cancellationToken).ConfigureAwait(false);
        var another = new ReplyButton("Another question", CommandButtons.Quiz, ButtonStyle.Primary);
        switch (result)
        {
            case SkipResult.NotNew:
                return [Reply.Text($"You have answered `{card.Id}` since, so it is not new any more: it comes back on its review schedule. To stop seeing it, suspend it from its answer.")];
            case SkipResult.Suspended:
                return [Reply.Text($"`{card.Id}` is suspended, so it will not come up anyway (`/cards suspended` lists it).")];
            case SkipResult.AlreadySkipped:
                return [new Reply { Markdown = $"`{card.Id}` is already put aside until {When(until, learner.Zone)}.", Buttons = [another] }];
        }

        var lead = $"⏭ **Not now** — `{card.Id}` comes back {When(until, learner.Zone)} at the earliest.";
        var next = await picker.ForQuizAsync(learner, CardRequest.None, cancellationToken).ConfigureAwait(false);
        return next is null
            ? [Reply.Text(lead + "\n\nNothing else is new or due right now.")]
            : [Ask(learner, next, StudyMode.Quiz, lead)];
    }

    /// <summary>Suspends the card for this learner: never served and not counted as due until they resume it.</summary>
    private async Task<IReadOnlyList<Reply>> SuspendAsync(LearnerContext learner, Card card, StudyToken token, CancellationToken cancellationToken)
    {
        var suspended = await holds.SuspendAsync(learner.Id, card.Id, cancellationToken).ConfigureAwait(false);
        var text = suspended
            ? $"⏸ **Suspended** `{card.Id}`: it will not be asked or counted as due until you resume it (`/cards suspended` lists your suspended cards, `/cards resume card:{card.Id}` brings it back)."
            : $"`{card.Id}` is already suspended (`/cards resume card:{card.Id}` brings it back).";
        var next = token.Mode == StudyMode.Review
            ? new ReplyButton("Continue the review", CommandButtons.Review, ButtonStyle.Primary)
            : new ReplyButton("Another question", CommandButtons.Quiz, ButtonStyle.Primary);
        return [new Reply { Markdown = text, Buttons = [next] }];
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
        if (BecameLeech(outcome, quality))
        {
            return [Leech(card, token, outcome.State.Lapses, text.ToString(), undo)];
        }

        if (token.Mode == StudyMode.Review)
        {
            var next = await picker.NextDueAsync(learner, cancellationToken).ConfigureAwait(false);
            if (next is not null)
            {
                return [new Reply { Markdown = text.ToString(), Buttons = [SuspendButton(token), .. undo] }, Ask(learner, next, StudyMode.Review)];
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

        buttons.Add(SuspendButton(token));
        buttons.AddRange(undo);
        return [new Reply { Markdown = text.ToString(), Buttons = buttons }];
    }

    /// <summary>Whether this grade was the lapse that made the card a leech (<see cref="LearningOptions.LeechLapses"/> reached now, not before).</summary>
    private bool BecameLeech(ReviewOutcome outcome, int quality) =>
        outcome.Result == RecordResult.Recorded && outcome.Kind == ReviewKind.Scheduled && quality < Sm2.PassingQuality
        && learning.Value.IsLeech(outcome.State.Lapses) && !learning.Value.IsLeech(outcome.State.Lapses - 1);

    /// <summary>
    /// The reply to the lapse that made a card a leech: what was recorded, that it is a leech and why that matters, the card's
    /// explanation (or answer) with its hint, and the choice to suspend it or keep going.
    /// </summary>
    private static Reply Leech(Card card, StudyToken token, int lapses, string recorded, ReplyButton[] undo)
    {
        var text = new StringBuilder(recorded);
        text.Append(CultureInfo.InvariantCulture, $"\n\n🩹 **This card is a leech for you** — you have forgotten it {lapses} times after learning it. ");
        text.Append("Cards like this take the most review time for the least return; read it again below, then suspend it for now or keep going.");
        text.Append("\n\n").Append(card.Section("Explanation") is { } explanation ? "**Explanation**\n\n" + explanation.Markdown : CardPresenter.AnswerMarkdown(card));
        if (card.Section("Hint") is { } hint)
        {
            text.Append("\n\n**Hint:** ").Append(hint.Markdown);
        }

        var keepGoing = token.Mode == StudyMode.Review
            ? new ReplyButton("Keep going", CommandButtons.Review, ButtonStyle.Primary)
            : new ReplyButton("Keep going", CommandButtons.Quiz, ButtonStyle.Primary);
        return new Reply { Markdown = text.ToString(), Buttons = [SuspendButton(token) with { Style = ButtonStyle.Danger }, keepGoing, .. undo] };
    }

    /// <summary>Undo under a recorded grade (<see cref="UndoHandler"/>): it names the review-log row, so it works after a restart.</summary>
    private static ReplyButton UndoButton(LearnerContext learner, long logId) => new("Undo", new UndoToken(learner.Id, logId).Format()) { Keyword = "undo" };

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
