using System.Globalization;
using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Study;

/// <summary>
/// Takes back a grade: the Undo button under a recorded grade (<see cref="UndoToken"/>) and <c>/undo</c> (the learner's
/// latest grade), for <see cref="LearningOptions.UndoMinutes"/> after it was given. <see cref="ReviewStore.UndoAsync"/> puts
/// the card, the review log and the study day back as they were, once; the card is then asked again so the learner can
/// grade it as they meant to. Streaks, the leaderboard and the daily question's "answered" follow, as they read only the
/// grades that count.
/// </summary>
public sealed class UndoHandler(ReviewStore reviews, CardCatalog catalog, StudyFlow study, IOptions<LearningOptions> options, TimeProvider time)
{
    /// <summary>The Undo button: only its learner may press it.</summary>
    public async Task<IReadOnlyList<Reply>> HandleButtonAsync(LearnerContext learner, UndoToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(token);
        if (token.LearnerId != learner.Id)
        {
            return [Reply.Text("This Undo is for someone else's answer, so it was not undone. `/undo` takes back your own latest grade.")];
        }

        return await UndoAsync(learner, token.LogId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>/undo</c> (and <c>undo</c> in the terminal): the learner's latest grade that still counts.</summary>
    public Task<IReadOnlyList<Reply>> HandleCommandAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return UndoAsync(learner, logId: null, cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> UndoAsync(LearnerContext learner, long? logId, CancellationToken cancellationToken)
    {
        var minutes = options.Value.UndoMinutes;
        var outcome = await reviews.UndoAsync(learner.Id, logId, TimeSpan.FromMinutes(minutes), cancellationToken).ConfigureAwait(false);
        var grade = outcome.Grade;
        var what = grade is null ? "that grade" : $"your **{StudyFlow.GradeName(grade.Quality)}** on `{grade.CardId}`";
        var text = outcome.Result switch
        {
            UndoResult.Undone => $"↩️ **Undone** — {what} no longer counts: the card is back as it was before"
                + (grade!.Kind == ReviewKind.New ? " (new to you again)." : "."),
            UndoResult.NothingToUndo when logId is null => "You have no grade to undo.",
            UndoResult.NothingToUndo => "PrepBot has no record of that grade, so there is nothing to undo.",
            UndoResult.NotYours => "This Undo is for someone else's answer, so it was not undone. `/undo` takes back your own latest grade.",
            UndoResult.AlreadyUndone => $"Nothing changed: {what} was already undone.",
            UndoResult.GradedAgain => $"Nothing changed: you have graded `{grade!.CardId}` again since, and only a card's latest grade can be undone.",
            UndoResult.Expired => string.Create(CultureInfo.InvariantCulture,
                $"Nothing changed: {what} was given {Ago(grade!.AnsweredAt)} ago, and a grade can be undone for {minutes} minutes."),
            _ => $"Nothing changed: {what} was recorded before PrepBot could undo grades.",
        };
        if (outcome.Result != UndoResult.Undone || catalog.Find(grade!.CardId) is not { Retired: false } card)
        {
            return [Reply.Text(text)];
        }

        // Ask the card again from the state it went back to: a due review continues the review, a new card is a quiz.
        var state = await reviews.GetStateAsync(learner.Id, card.Id, cancellationToken).ConfigureAwait(false);
        var mode = state.Version > 0 && state.Due <= time.GetUtcNow() ? StudyMode.Review : StudyMode.Quiz;
        return [Reply.Text(text + " Here it is again:"), study.Ask(learner, new PickedCard(card, state.Version), mode)];
    }

    private string Ago(DateTimeOffset at)
    {
        var minutes = (int)Math.Floor((time.GetUtcNow() - at).TotalMinutes);
        return minutes switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes"),
            < 2880 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} hours"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440} days"),
        };
    }
}
